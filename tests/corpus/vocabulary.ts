// Word lists of the synthetic corpus: names in several naming traditions (Korean ones in
// their real romanization variants), email providers, phone formats, résumé sentences.

/** Korean surnames with the spellings found on passports and résumés. */
export const KOREAN_SURNAMES: string[][] = [
  ['Kim', 'Gim'],
  ['Lee', 'Yi', 'Rhee', 'Ri'],
  ['Park', 'Pak', 'Bak'],
  ['Choi', 'Choe', 'Chwe'],
  ['Jung', 'Jeong', 'Chung'],
  ['Kang', 'Gang'],
  ['Cho', 'Jo'],
  ['Yoon', 'Yun'],
  ['Jang', 'Chang'],
  ['Lim', 'Im'],
  ['Han'],
  ['Shin', 'Sin'],
  ['Seo', 'Suh'],
  ['Kwon', 'Gwon'],
  ['Hwang'],
  ['Ahn', 'An'],
  ['Song'],
  ['Hong'],
];

/** Given-name syllables with their romanization variants. */
export const KOREAN_SYLLABLES: string[][] = [
  ['hyun', 'hyeon', 'hyon'],
  ['woo', 'u', 'wu'],
  ['min'],
  ['jun', 'joon'],
  ['seo', 'suh'],
  ['yeon', 'yun', 'yon'],
  ['ji'],
  ['hoon', 'hun'],
  ['eun'],
  ['soo', 'su'],
  ['young', 'yeong', 'yong'],
  ['jae'],
  ['sung', 'seong'],
  ['ho'],
  ['jin'],
  ['kyung', 'gyeong', 'kyong'],
  ['dong'],
  ['chul', 'cheol'],
  ['sang'],
  ['tae'],
  ['bin', 'been'],
  ['ha'],
  ['na'],
];

export const WESTERN_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Sarah', 'Daniel', 'Emily', 'Kevin', 'Laura', 'Jason', 'Anna', 'Ryan', 'Sophie', 'Thomas', 'Olivia', 'Lukas', 'Emma', 'Jonas', 'Chloé', 'Mateo', 'Lucía', 'Pierre', 'Zoë'];
export const WESTERN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'García', 'Rodríguez', 'Martínez', 'Müller', 'Schmidt', 'Dubois', 'Moreau', 'Rossi', 'Novak', 'Kowalski', 'Nguyen', 'Taylor', 'Anderson', 'Thompson', 'White', 'Harris', 'Martin', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'Wright'];
export const SOUTH_ASIAN_FIRST = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Divya', 'Rahul', 'Kavya'];
export const SOUTH_ASIAN_LAST = ['Sharma', 'Patel', 'Singh', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Khan', 'Das', 'Rao'];
export const CHINESE_FIRST = ['Wei', 'Jing', 'Hao', 'Xin', 'Lei', 'Yan', 'Jun', 'Mei', 'Tao', 'Ying'];
export const CHINESE_LAST = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'];

export const PROVIDERS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com', 'gmx.de', 'mail.com', 'fastmail.com'];
export const ROLES = ['Senior Backend Engineer', 'Frontend Engineer', 'Full-Stack Developer', 'Platform Engineer', 'Mobile Developer (iOS)', 'Data Engineer', 'Blockchain Developer', 'DevOps Engineer', 'QA Automation Engineer', 'Machine Learning Engineer'];
export const US_AREA_CODES = ['212', '415', '312', '206', '512', '617', '303', '404', '213', '646', '702', '919'];
export const CITIES = ['Austin, TX 78701', 'Newark, NJ 07105', 'Tampa, FL 33602', 'Columbus, OH 43215', 'Phoenix, AZ 85004', 'Denver, CO 80202', 'Atlanta, GA 30303', 'Portland, OR 97204'];
export const STREETS = ['Harbor', 'Maple', 'Oak', 'Cedar', 'Elm', 'Pine', 'Lake', 'Hill', 'Park', 'Washington', 'Lincoln', 'Main'];

export const TECH = ['Go', 'Java', 'TypeScript', 'React', 'Node.js', 'Python', 'Kotlin', 'Rust', 'PostgreSQL', 'Kafka', 'Kubernetes', 'Terraform', 'AWS', 'GCP', 'Solidity', 'Swift', 'Django', 'Spark', 'Airflow', 'Redis'];
export const COMPANIES = ['Northwind Labs', 'Blue Harbor Software', 'Acme Payments', 'Globex Cloud', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Fintech', 'Hooli', 'Pied Piper', 'Vandelay Industries', 'Soylent Data', 'Cyberdyne Analytics', 'Tyrell Robotics', 'Wonka Retail'];
export const DOMAINS = ['payments', 'logistics', 'healthcare', 'e-commerce', 'advertising', 'gaming', 'insurance', 'education', 'travel', 'media streaming'];

/** Résumé sentence templates: honest applicants draw from the same pool, as they do from the same advice. */
export const SENTENCES = [
  'Software engineer with {n} years of experience building {domain} systems in {tech} and {tech2}.',
  'Designed and implemented a {tech} service that handles {k} thousand requests per second at {company}.',
  'Led a team of {m} engineers migrating a legacy monolith to {tech} microservices on {tech2}.',
  'Reduced infrastructure costs by {p} percent by rightsizing {tech} clusters and adopting autoscaling.',
  'Built internal tooling for {domain} analysts, including dashboards in {tech} backed by {tech2}.',
  'Mentored junior developers, ran weekly code reviews and wrote onboarding guides for {company}.',
  'Improved test coverage from {p} to {q} percent and introduced contract tests between services.',
  'Owned the on-call rotation for tier one {domain} services and cut incident volume by {p} percent.',
  'Shipped a {tech} mobile feature used by {k} thousand monthly active users within three months.',
  'Collaborated with product managers and designers to deliver the {domain} roadmap on schedule.',
  'Implemented event sourcing with {tech} and {tech2} to give auditors a complete history of changes.',
  'Holds a bachelor degree in computer science from {university} and a {tech} certification.',
  'Contributed patches to open source {tech} libraries and spoke at a local {tech2} meetup.',
  'Automated deployment pipelines with {tech} and {tech2}, bringing release time down to {m} minutes.',
  'Researched and prototyped a recommendation engine for {domain} customers using {tech}.',
  'Wrote the data retention policy and implemented deletion jobs for {domain} records at {company}.',
  'Optimised slow {tech2} queries, cutting the p95 latency of the checkout page by {p} percent.',
  'Interviewed more than {k} candidates and redesigned the take-home exercise for backend roles.',
  'Migrated {m} terabytes of {domain} data from on-premise servers to {tech2} with no downtime.',
  'Built a real-time fraud scoring pipeline in {tech} consuming events from {tech2}.',
];
export const UNIVERSITIES = ['State University', 'Institute of Technology', 'Polytechnic University', 'National University', 'City College'];
