/** A small, realistic data set for the local stack: a few companies, each with jobs in every status. */

export interface SeedJob {
  title: string;
  description?: string;
  location?: string;
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
}

export interface SeedCompany {
  name: string;
  website?: string;
  jobs: SeedJob[];
}

export const seedCompanies: SeedCompany[] = [
  {
    name: 'Acme Robotics',
    website: 'https://acme-robotics.example',
    jobs: [
      { title: 'Senior Embedded Engineer', location: 'Lyon, France', status: 'OPEN', description: 'Firmware for warehouse robot arms (C, Rust, RTOS).' },
      { title: 'Robotics Test Technician', location: 'Lyon, France', status: 'OPEN' },
      { title: 'Head of Manufacturing', location: 'Remote (EU)', status: 'DRAFT' },
    ],
  },
  {
    name: 'Northwind Analytics',
    website: 'https://northwind-analytics.example',
    jobs: [
      { title: 'Staff Data Engineer', location: 'Berlin, Germany', status: 'OPEN', description: 'Own the ingestion platform: Kafka, Flink, Iceberg.' },
      { title: 'Product Designer', location: 'Remote', status: 'CLOSED' },
    ],
  },
  {
    name: 'Bluebird Health',
    jobs: [
      { title: 'Backend Engineer (TypeScript)', location: 'Lisbon, Portugal', status: 'OPEN', description: 'GraphQL APIs on AWS Lambda and DynamoDB.' },
      { title: 'Clinical Data Analyst', location: 'Porto, Portugal', status: 'DRAFT' },
    ],
  },
];
