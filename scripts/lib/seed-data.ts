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

export type SeedStage = 'SCREEN' | 'INTERVIEW' | 'OFFER' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';

export interface SeedApplication {
  /** The title of an OPEN job above (titles are unique in this data set). */
  job: string;
  /** The moves after APPLIED, in order; each must be allowed by the pipeline. */
  moves: SeedStage[];
}

export interface SeedCandidate {
  name: string;
  email: string;
  phone?: string;
  applications: SeedApplication[];
}

/** A few candidates with applications in every part of the pipeline. */
export const seedCandidates: SeedCandidate[] = [
  {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.com',
    phone: '+33 6 12 34 56 78',
    applications: [
      { job: 'Senior Embedded Engineer', moves: ['SCREEN', 'INTERVIEW'] },
      { job: 'Backend Engineer (TypeScript)', moves: ['WITHDRAWN'] },
    ],
  },
  {
    name: 'Jonas Becker',
    email: 'jonas.becker@example.com',
    applications: [{ job: 'Staff Data Engineer', moves: ['SCREEN', 'INTERVIEW', 'OFFER'] }],
  },
  {
    name: 'Lucía Fernández',
    email: 'lucia.fernandez@example.com',
    phone: '+351 912 345 678',
    applications: [
      { job: 'Backend Engineer (TypeScript)', moves: ['SCREEN', 'INTERVIEW', 'OFFER', 'HIRED'] },
      { job: 'Senior Embedded Engineer', moves: [] },
    ],
  },
  {
    name: 'Mei Tanaka',
    email: 'mei.tanaka@example.com',
    applications: [
      { job: 'Robotics Test Technician', moves: ['SCREEN', 'REJECTED'] },
      { job: 'Staff Data Engineer', moves: ['SCREEN'] },
    ],
  },
];
