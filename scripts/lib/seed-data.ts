/**
 * A small, realistic data set for the local stack: a few companies, each with its own recruiter
 * (tenancy: named by the email they sign in with), with jobs in every status (a CLOSED job is posted
 * OPEN, takes its applications, then closes through closeJob), and applications in every stage.
 */

export interface SeedJob {
  title: string;
  description?: string;
  location?: string;
  remote?: boolean;
  employmentType?: 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'INTERNSHIP' | 'TEMPORARY';
  salary?: { min: number; max: number; currency: string };
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
}

export interface SeedCompany {
  name: string;
  website?: string;
  /** The emails of the company's recruiters (addCompanyRecruiter by email). */
  recruiters: string[];
  jobs: SeedJob[];
}

export const seedCompanies: SeedCompany[] = [
  {
    name: 'Acme Robotics',
    website: 'https://acme-robotics.example',
    recruiters: ['rita.recruiter@acme-robotics.example'],
    jobs: [
      {
        title: 'Senior Embedded Engineer',
        location: 'Lyon, France',
        status: 'OPEN',
        employmentType: 'FULL_TIME',
        salary: { min: 65000, max: 85000, currency: 'EUR' },
        description: 'Firmware for warehouse robot arms (C, Rust, RTOS).',
      },
      { title: 'Robotics Test Technician', location: 'Lyon, France', status: 'OPEN', employmentType: 'CONTRACT' },
      { title: 'Head of Manufacturing', location: 'Remote (EU)', remote: true, status: 'DRAFT', employmentType: 'FULL_TIME' },
    ],
  },
  {
    name: 'Northwind Analytics',
    website: 'https://northwind-analytics.example',
    recruiters: ['nora.recruiter@northwind-analytics.example'],
    jobs: [
      {
        title: 'Staff Data Engineer',
        location: 'Berlin, Germany',
        remote: true,
        status: 'OPEN',
        employmentType: 'FULL_TIME',
        salary: { min: 90000, max: 115000, currency: 'EUR' },
        description: 'Own the ingestion platform: Kafka, Flink, Iceberg.',
      },
      { title: 'Product Designer', location: 'Remote', remote: true, status: 'CLOSED', employmentType: 'PART_TIME' },
    ],
  },
  {
    name: 'Bluebird Health',
    recruiters: ['ben.recruiter@bluebird-health.example'],
    jobs: [
      {
        title: 'Backend Engineer (TypeScript)',
        location: 'Lisbon, Portugal',
        status: 'OPEN',
        employmentType: 'FULL_TIME',
        salary: { min: 45000, max: 60000, currency: 'EUR' },
        description: 'GraphQL APIs on AWS Lambda and DynamoDB.',
      },
      { title: 'Data Science Intern', location: 'Lisbon, Portugal', status: 'OPEN', employmentType: 'INTERNSHIP' },
      { title: 'Clinical Data Analyst', location: 'Porto, Portugal', status: 'DRAFT', employmentType: 'TEMPORARY' },
    ],
  },
];

export type SeedStage = 'SCREEN' | 'INTERVIEW' | 'OFFER' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';

export interface SeedApplication {
  /** The title of an OPEN or CLOSED job above (titles are unique in this data set); the first one's company registers the candidate. */
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
    applications: [
      { job: 'Staff Data Engineer', moves: ['SCREEN', 'INTERVIEW', 'OFFER'] },
      { job: 'Product Designer', moves: ['SCREEN'] },
    ],
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
