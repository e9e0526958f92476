/** The operations a first visit to the playground opens with: a tour of the hiring API. */
export const defaultQuery = `# The hiring pipeline API.
#
# Run CreateCompany, copy the returned id into PostJob's input (Variables below),
# then run CompanyWithJobs to list the company's jobs, newest first.

mutation CreateCompany {
  createCompany(input: { name: "Acme Robotics", website: "https://acme.example" }) {
    id
    name
    createdAt
  }
}

mutation PostJob($companyId: ID!) {
  createJob(input: { companyId: $companyId, title: "Staff Engineer", location: "Remote", status: OPEN }) {
    id
    title
    status
  }
}

query CompanyWithJobs($companyId: ID!) {
  company(id: $companyId) {
    name
    jobs(limit: 10) {
      items {
        title
        status
        createdAt
      }
      nextToken
    }
  }
}
`;

export const defaultVariables = `{
  "companyId": "paste a company id here"
}
`;
