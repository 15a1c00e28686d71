// The people and orgs of the demo world. Indexes in ORGS refer to PEOPLE.

type Person = {
  name: string;
  email: string;
  headline: string;
  location: { city: string; country: string };
  skills: string[];
  careerStage: "student" | "early_career" | "mid_career" | "senior" | "career_transition" | "other";
  timezone: string;
  /** Printed as a demo login (everyone can sign in with the demo password). */
  login?: "admin" | "member";
};

const FIRST = [
  "Ada",
  "Ben",
  "Chen",
  "Dana",
  "Emeka",
  "Fatima",
  "Gustav",
  "Hana",
  "Ivan",
  "Jun",
  "Kofi",
  "Lena",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Amara",
  "Bruno",
  "Clara",
  "Dev",
  "Elif",
  "Felix",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kira",
  "Luca",
  "Maya",
  "Noah",
  "Olga",
  "Pavel",
  "Rhea",
  "Soren",
  "Thea",
  "Ulla",
];
const LAST = [
  "Okafor",
  "Lindqvist",
  "Wei",
  "Cohen",
  "Eze",
  "Rahman",
  "Berg",
  "Sato",
  "Petrov",
  "Park",
  "Mensah",
  "Vogel",
  "Garcia",
  "Haddad",
  "Farouk",
  "Iyer",
  "Murphy",
  "Diaz",
  "Korhonen",
  "Aziz",
  "Nair",
  "Novak",
  "Liu",
  "Torres",
  "Demir",
  "Wright",
  "Nwosu",
  "Rossi",
  "Schmidt",
  "Patel",
  "Yilmaz",
  "Weber",
  "Hansen",
  "Martin",
  "Silva",
  "Keller",
  "Ivanova",
  "Bianchi",
  "Levi",
  "Fischer",
  "Sokolova",
  "Horak",
  "Kapoor",
  "Dahl",
  "Moreau",
  "Nieminen",
];
const HEADLINES = [
  "Interpretability researcher",
  "Policy analyst, AI governance",
  "ML engineer moving into alignment",
  "PhD student, robustness",
  "Organiser, local reading group",
  "Software engineer, evals tooling",
  "Grantmaker, emerging tech",
  "Undergraduate, CS and philosophy",
  "Product manager exploring AI safety",
  "Research engineer, model evaluations",
];
const SKILLS = [
  ["interpretability", "pytorch"],
  ["ai governance", "policy writing"],
  ["machine learning", "python", "evals"],
  ["robustness", "adversarial ml"],
  ["community building", "event planning"],
  ["typescript", "infrastructure"],
  ["grantmaking", "strategy"],
  ["philosophy", "ethics"],
  ["product", "communication"],
  ["evals", "red teaming"],
];
const STAGES = ["student", "early_career", "mid_career", "senior", "career_transition"] as const;
const CITIES = [
  { city: "Berlin", country: "DE", timezone: "Europe/Berlin" },
  { city: "London", country: "GB", timezone: "Europe/London" },
  { city: "Oxford", country: "GB", timezone: "Europe/London" },
  { city: "Munich", country: "DE", timezone: "Europe/Berlin" },
  { city: "Boston", country: "US", timezone: "America/New_York" },
];

export const PEOPLE: Person[] = FIRST.map((first, i) => {
  const place = CITIES[i % CITIES.length]!;
  return {
    name: `${first} ${LAST[i]}`,
    email: `${first.toLowerCase()}@demo.astn.org`,
    headline: HEADLINES[i % HEADLINES.length]!,
    location: { city: place.city, country: place.country },
    skills: SKILLS[i % SKILLS.length]!,
    careerStage: STAGES[i % STAGES.length]!,
    timezone: place.timezone,
    login: i === 0 || i === 1 ? "admin" : i === 2 ? "member" : undefined,
  };
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export const ORGS = [
  {
    slug: "ai-safety-berlin",
    name: "AI Safety Berlin",
    description:
      "Berlin's community for people working on, or curious about, making AI go well. Monthly meetups, workshops and a paper reading group.",
    location: { city: "Berlin", country: "DE" },
    website: "https://example.org/ai-safety-berlin",
    contactEmail: "hello@ai-safety-berlin.example.org",
    contactUrl: "https://example.org/ai-safety-berlin/contact",
    visibility: "public" as const,
    joinPolicy: "open" as const,
    timezone: "Europe/Berlin",
    admins: [0],
    members: [2, ...range(3, 30)],
  },
  {
    slug: "oxford-alignment-reading-group",
    name: "Oxford Alignment Reading Group",
    description:
      "A weekly reading group working through the alignment literature, from foundations to current research.",
    location: { city: "Oxford", country: "GB" },
    contactUrl: "https://example.org/oxford-alignment/questions",
    visibility: "public" as const,
    // New members are approved by hand; two people are waiting.
    joinPolicy: "request" as const,
    timezone: "Europe/London",
    admins: [1],
    members: [2, ...range(20, 46)],
    requests: [3, 4],
  },
  {
    slug: "governance-fellows",
    name: "Governance Fellows (private)",
    description: "A private cohort for the AI governance fellowship.",
    location: { city: "London", country: "GB" },
    visibility: "private" as const,
    timezone: "Europe/London",
    admins: [1],
    members: [5, 15, 25, 35],
  },
];
