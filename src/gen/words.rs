//! Vocabulary of the synthetic personas: life-sciences organisations, people and the text of
//! their lists. Plain data; `gen::persona` combines it.

/// A department and its roles.
pub type Department = (&'static str, &'static [&'static str]);
/// A function and its departments.
pub type Function = (&'static str, &'static [Department]);

/// The organisation tree: function → department → roles. Role names are unique across the
/// tree because the store resolves an organisation row by name within the tenant.
pub const ORG_TREE: &[Function] = &[
    (
        "Medical Affairs",
        &[
            (
                "Field Medical",
                &[
                    "Medical Science Liaison",
                    "Field Medical Director",
                    "MSL Team Lead",
                ],
            ),
            (
                "Medical Information",
                &[
                    "Medical Information Specialist",
                    "Medical Information Manager",
                ],
            ),
            (
                "Medical Communications",
                &["Medical Writer", "Publications Manager"],
            ),
        ],
    ),
    (
        "Clinical Development",
        &[
            (
                "Clinical Operations",
                &[
                    "Clinical Trial Manager",
                    "Clinical Research Associate",
                    "Study Start-up Lead",
                ],
            ),
            (
                "Biostatistics",
                &["Biostatistician", "Statistical Programmer"],
            ),
            (
                "Clinical Data Management",
                &["Clinical Data Manager", "Data Standards Lead"],
            ),
        ],
    ),
    (
        "Regulatory Affairs",
        &[
            (
                "Regulatory Strategy",
                &["Regulatory Strategist", "Global Regulatory Lead"],
            ),
            (
                "Regulatory Operations",
                &["Submission Publisher", "RIM Specialist"],
            ),
            ("Labeling", &["Labeling Specialist"]),
        ],
    ),
    (
        "Pharmacovigilance",
        &[
            (
                "Drug Safety",
                &["Drug Safety Associate", "Safety Physician"],
            ),
            (
                "Signal Management",
                &["Signal Detection Scientist", "Risk Management Lead"],
            ),
        ],
    ),
    (
        "Commercial",
        &[
            ("Sales", &["Key Account Manager", "Therapeutic Specialist"]),
            (
                "Marketing",
                &["Brand Manager", "Omnichannel Marketing Lead"],
            ),
            (
                "Commercial Excellence",
                &["Commercial Analytics Lead", "CRM Manager"],
            ),
        ],
    ),
    (
        "Market Access",
        &[
            ("HEOR", &["Health Economist", "Outcomes Research Scientist"]),
            (
                "Pricing and Reimbursement",
                &["Pricing Manager", "Payer Account Director"],
            ),
        ],
    ),
    (
        "Research and Discovery",
        &[
            (
                "Discovery Biology",
                &["Research Scientist", "Principal Scientist"],
            ),
            (
                "Translational Medicine",
                &["Translational Scientist", "Biomarker Lead"],
            ),
            (
                "Computational Biology",
                &["Bioinformatician", "Computational Chemist"],
            ),
        ],
    ),
    (
        "Manufacturing and Supply",
        &[
            (
                "Manufacturing Operations",
                &["Process Engineer", "Production Supervisor"],
            ),
            ("Supply Chain", &["Supply Planner", "Demand Planner"]),
        ],
    ),
    (
        "Quality",
        &[
            ("Quality Assurance", &["QA Specialist", "GxP Auditor"]),
            ("Quality Control", &["QC Analyst", "QC Laboratory Manager"]),
        ],
    ),
    (
        "Data and Digital",
        &[
            (
                "Data Science",
                &["Data Scientist", "Machine Learning Engineer"],
            ),
            (
                "Digital Health",
                &["Digital Product Manager", "Digital Health Strategist"],
            ),
        ],
    ),
];

pub const FIRST_NAMES: &[&str] = &[
    "Amara",
    "Ben",
    "Chloe",
    "Daniel",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kavya",
    "Liam",
    "Maya",
    "Nikolai",
    "Olivia",
    "Pedro",
    "Quinn",
    "Rosa",
    "Samir",
    "Tessa",
    "Uma",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "Aisha",
    "Bruno",
    "Carmen",
    "Dmitri",
    "Emeka",
    "Fatima",
    "Gabriel",
    "Hannah",
    "Ivan",
    "Julia",
    "Kenji",
    "Lucia",
    "Marcus",
    "Nadia",
    "Omar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tomas",
    "Valentina",
    "William",
    "Yara",
    "Aaron",
    "Bianca",
    "Connor",
    "Delphine",
    "Ethan",
    "Freya",
    "Giorgio",
    "Helena",
    "Isaac",
    "Jasmine",
    "Karim",
    "Leila",
    "Mateo",
    "Naomi",
    "Oscar",
    "Paula",
    "Reza",
    "Sara",
    "Theo",
    "Ursula",
    "Vera",
    "Xavier",
    "Yasmin",
    "Zain",
    "Anika",
    "Bashir",
    "Celine",
    "Diego",
    "Esther",
    "Felix",
    "Greta",
    "Hamza",
];

pub const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Rossi",
    "Haddad",
    "Nguyen",
    "Schmidt",
    "Kowalski",
    "Fernandes",
    "Osei",
    "Patel",
    "Novak",
    "Larsen",
    "Murphy",
    "Ibrahim",
    "Costa",
    "Yamamoto",
    "Becker",
    "Dubois",
    "Khan",
    "Silva",
    "Andersen",
    "Mensah",
    "Horvat",
    "Chen",
    "Garcia",
    "Singh",
    "Müller",
    "Kim",
    "Ali",
    "Romero",
    "Eriksson",
    "Walsh",
    "Popescu",
    "Nakamura",
    "Oduya",
    "Farouk",
    "Bianchi",
    "Lopez",
    "Varga",
    "Sato",
    "Hughes",
    "Petrov",
    "Jansen",
    "Mahmoud",
    "Duarte",
    "Fischer",
    "O'Brien",
    "Kaur",
    "Martins",
    "Wagner",
    "Abara",
    "Leclerc",
    "Svensson",
    "Gonzalez",
    "Reddy",
    "Marin",
    "Hoffmann",
    "Ansah",
    "Ivanova",
    "Castillo",
    "Berg",
    "Rahman",
    "Keller",
    "Vasquez",
    "Lund",
    "Boateng",
    "Morales",
    "Weber",
    "Sharma",
    "Nieminen",
    "Ortiz",
    "Brennan",
    "Yilmaz",
    "Hassan",
    "Kruger",
    "Moretti",
    "Tran",
    "Zhou",
    "Delgado",
    "Eze",
    "Falk",
    "Gupta",
];

pub const THERAPEUTIC_AREAS: &[&str] = &[
    "Oncology",
    "Immunology",
    "Neuroscience",
    "Cardiometabolic",
    "Rare Diseases",
    "Vaccines",
    "Respiratory",
    "Hematology",
    "Dermatology",
    "Ophthalmology",
    "Infectious Diseases",
    "Women's Health",
];

pub const ORGANIZATION_TYPES: &[&str] = &[
    "Global biopharmaceutical company",
    "Mid-size specialty pharma",
    "Clinical-stage biotech",
    "Contract research organisation",
    "Medical device manufacturer",
    "Generics manufacturer",
    "Academic medical centre spin-out",
];

pub const EDUCATION_LEVELS: &[&str] = &["bachelors", "masters", "doctorate", "pharmd", "md", "mba"];

pub const WORK_STYLES: &[&str] = &[
    "Structured and checklist-driven",
    "Autonomous and travel-heavy",
    "Deep-focus blocks with meeting-free mornings",
    "Highly collaborative, always in cross-functional huddles",
    "Deadline-driven around submission milestones",
];

pub const WORK_ARRANGEMENTS: &[&str] = &[
    "Hybrid, three days on site",
    "Field-based with frequent travel",
    "Fully remote",
    "On site in the laboratory",
    "On site at the manufacturing plant",
];

pub const DECISION_STYLES: &[&str] = &[
    "Evidence-led; wants the primary data",
    "Consensus-seeking across functions",
    "Fast and pragmatic within SOP limits",
    "Risk-averse; escalates anything compliance-sensitive",
    "Data-driven with a bias for experiments",
];

pub const LEARNING_STYLES: &[&str] = &[
    "Learns by doing on real projects",
    "Prefers structured e-learning with certificates",
    "Reads primary literature and guidelines",
    "Learns from peers and internal communities of practice",
    "Short videos and vendor webinars",
];

pub const COLLABORATION_STYLES: &[&str] = &[
    "Hub between field teams and headquarters",
    "Works mostly within the department",
    "Partners closely with vendors and CROs",
    "Coordinates global and local affiliates",
];

pub const COMMUNICATION_PREFERENCES: &[&str] = &[
    "Concise email with the key number first",
    "Short video calls and shared slides",
    "Teams chat for quick questions, documents for decisions",
    "In-person meetings for anything important",
];

pub const USAGE_FREQUENCIES: &[&str] = &["daily", "weekly", "monthly", "rarely", "never"];

pub const USE_CASES: &[&str] = &[
    "Literature surveillance and summaries",
    "Drafting regulatory documents",
    "Protocol and amendment review",
    "Adverse event case intake",
    "Insight coding from field notes",
    "Code generation for statistical programming",
    "Slide and briefing preparation",
    "Searching SOPs and guidelines",
    "Forecasting and scenario analysis",
    "Deviation and CAPA investigation support",
];

pub const SALARY_SOURCES: &[&str] = &[
    "Internal compensation benchmark (synthetic)",
    "Aggregated job postings (synthetic)",
    "Industry salary survey (synthetic)",
];

pub const BENCHMARK_SCOPES: &[&str] = &[
    "United States",
    "Western Europe",
    "United Kingdom",
    "DACH",
    "Nordics",
    "Japan",
    "Global",
];

pub const PERSONA_TYPES: &[&str] = &["primary", "secondary", "supporting"];

pub const JOURNEY_STAGES: &[&str] = &[
    "awareness",
    "consideration",
    "evaluation",
    "adoption",
    "expansion",
    "advocacy",
];

pub const CONFIDENCE_LEVELS: &[&str] = &["low", "medium", "high"];

// ---- Building blocks of list text ------------------------------------------------------------

/// Things people in the industry work on; mixed into the list text so search has variety.
pub const OBJECTS: &[&str] = &[
    "clinical study reports",
    "safety narratives",
    "KOL briefings",
    "submission dossiers",
    "batch records",
    "field insights",
    "payer value dossiers",
    "protocol amendments",
    "literature alerts",
    "deviation reports",
    "label updates",
    "trial master files",
    "forecast models",
    "medical inquiries",
    "statistical analysis plans",
    "adverse event cases",
    "launch plans",
    "supplier audits",
    "biomarker datasets",
    "congress abstracts",
];

pub const SYSTEMS: &[&str] = &[
    "Veeva Vault",
    "Salesforce",
    "SAS",
    "Argus Safety",
    "Medidata Rave",
    "SharePoint",
    "SAP",
    "LIMS",
    "Excel",
    "Power BI",
    "Benchling",
    "Spotfire",
    "Tableau",
    "R and Python notebooks",
];

pub const PAIN_TEMPLATES: &[&str] = &[
    "Manual reconciliation of {o} across {s}",
    "Too much time spent formatting {o}",
    "Review cycles for {o} take weeks",
    "No single source of truth for {o}",
    "Searching old {o} is slow and unreliable",
    "Copying data between {s} and email",
];

pub const IMPACTS: &[&str] = &[
    "Delays decisions by days and frustrates stakeholders",
    "Creates compliance risk when versions drift apart",
    "Leaves little time for scientific work",
    "Errors surface late, in audits or inspections",
    "Teams duplicate the same work in parallel",
];

pub const WORKAROUNDS: &[&str] = &[
    "Keeps a personal spreadsheet tracker",
    "Reuses previously approved templates",
    "Works evenings before deadlines",
    "Asks colleagues in a team chat",
    "Relies on a vendor to compile the material",
];

pub const GOAL_TEMPLATES: &[&str] = &[
    "Cut the cycle time of {o} by half",
    "Deliver {o} right first time",
    "Automate the first draft of {o}",
    "Build a reusable library of {o}",
    "Give leadership a live view of {o}",
];

pub const SUCCESS_CRITERIA: &[&str] = &[
    "Median turnaround below five business days for a full quarter",
    "Zero critical findings in the next inspection",
    "Adopted by every team in the department",
    "Stakeholder satisfaction above 4 out of 5",
];

pub const MOTIVATIONS: &[&str] = &[
    "Making a measurable difference for patients",
    "Being recognised as the expert in the therapeutic area",
    "Leaving work on time more often",
    "Growing into a leadership role",
    "Keeping the organisation inspection-ready",
    "Learning new technology before peers do",
    "Protecting scientific credibility with external experts",
];

pub const CHALLENGE_TEMPLATES: &[&str] = &[
    "Legacy processes around {o}",
    "Unclear ownership of {o}",
    "Validation requirements slow new tools for {o}",
    "Global and local teams disagree on {o}",
];

pub const CURRENT_SOLUTIONS: &[&str] = &[
    "Weekly alignment meetings",
    "A shared tracker maintained by hand",
    "Escalation to the functional head",
    "External consultants for peak periods",
];

pub const ACTIVITIES: &[&str] = &[
    "Reviews overnight emails and alerts",
    "Team stand-up",
    "Deep work on {o}",
    "Cross-functional meeting about {o}",
    "Quality check of {o}",
    "Calls with external experts",
    "Updates {s} records",
    "Prepares tomorrow's priorities",
];

pub const TOOL_CATEGORIES: &[&str] = &[
    "Document management",
    "CRM",
    "Analytics",
    "Safety database",
    "EDC",
    "ERP",
    "Collaboration",
];

pub const STAKEHOLDER_ROLES: &[&str] = &[
    "Medical Director",
    "Head of Regulatory",
    "Brand Lead",
    "Clinical Operations Lead",
    "QA Manager",
    "Key Opinion Leader",
    "Payer Advisor",
    "CRO Project Manager",
    "IT Business Partner",
    "Compliance Officer",
];

pub const DEGREES: &[&str] = &["BSc", "MSc", "PhD", "PharmD", "MD", "MBA", "MPH"];

pub const FIELDS_OF_STUDY: &[&str] = &[
    "Molecular Biology",
    "Pharmacology",
    "Biostatistics",
    "Chemical Engineering",
    "Epidemiology",
    "Medicine",
    "Health Economics",
    "Computer Science",
    "Biochemistry",
];

pub const INSTITUTIONS: &[&str] = &[
    "University of Cambridge",
    "Karolinska Institutet",
    "ETH Zurich",
    "Johns Hopkins University",
    "University of Tokyo",
    "Sorbonne University",
    "University of Toronto",
    "Heidelberg University",
    "University of Sao Paulo",
    "Imperial College London",
];

pub const CERTIFICATIONS: &[(&str, &str)] = &[
    ("Board Certified Medical Affairs Specialist", "ACMA"),
    ("Regulatory Affairs Certification", "RAPS"),
    ("Certified Clinical Research Professional", "SoCRA"),
    ("Project Management Professional", "PMI"),
    ("Certified Quality Auditor", "ASQ"),
    ("Lean Six Sigma Green Belt", "IASSC"),
    ("Certified Pharmacovigilance Professional", "DIA"),
];

pub const METRICS: &[(&str, &str)] = &[
    (
        "Turnaround time",
        "Median business days from request to approved output",
    ),
    (
        "Right first time",
        "Share of deliverables accepted without rework",
    ),
    ("Coverage", "Share of target experts reached each quarter"),
    ("Cycle time", "Days from kick-off to sign-off"),
    ("Findings", "Critical and major findings per audit"),
    (
        "Adoption",
        "Share of the team using the new workflow weekly",
    ),
    (
        "Forecast accuracy",
        "Mean absolute percentage error of the monthly forecast",
    ),
    (
        "Case quality",
        "Share of cases passing quality review first time",
    ),
    ("Time saved", "Hours saved per person per week"),
    (
        "Stakeholder satisfaction",
        "Average score in the quarterly survey",
    ),
    (
        "Submission readiness",
        "Share of modules ready at the planned date",
    ),
    (
        "Insight yield",
        "Actionable insights per hundred interactions",
    ),
];

pub const DECISION_TIMEFRAMES: &[&str] =
    &["1-3 months", "3-6 months", "6-12 months", "Over a year"];

pub const BUDGET_RANGES: &[&str] = &["Under $50K", "$50K-$250K", "$250K-$1M", "Over $1M"];

pub const TRIGGERS: &[&str] = &[
    "A new regulatory guidance changes how {o} must be handled",
    "A competitor launches an AI-assisted service",
    "Budget season opens with a digital transformation mandate",
    "An inspection finding on {o}",
    "Headcount freeze with a growing portfolio",
];

pub const ASPIRATIONS: &[&str] = &[
    "Lead a global team",
    "Become the go-to expert for AI in the function",
    "Move into a strategy role",
    "Publish in a peer-reviewed journal",
    "Build a centre of excellence",
];

pub const CONFERENCES: &[&str] = &[
    "ASCO Annual Meeting",
    "ESMO Congress",
    "DIA Global Annual Meeting",
    "RAPS Convergence",
    "ISPOR Europe",
    "BIO International Convention",
    "MAPS Global Annual Meeting",
    "PDA Annual Meeting",
    "AAIC",
    "ASH Annual Meeting",
];

pub const TOPICS: &[&str] = &[
    "Real-world evidence in {t}",
    "AI-assisted review of {o}",
    "Patient-reported outcomes in {t}",
    "Decentralised trials in {t}",
    "Benefit-risk communication",
];

pub const PLATFORMS: &[&str] = &[
    "LinkedIn",
    "X",
    "ResearchGate",
    "YouTube",
    "Mastodon",
    "Bluesky",
];

pub const FOLLOWER_RANGES: &[&str] = &["<500", "500-2K", "2K-10K", "10K+"];

pub const CITATIONS: &[&str] = &[
    "Synthetic interview programme, wave {n}",
    "Industry benchmark survey {n} (synthetic)",
    "Internal time-and-motion study {n} (synthetic)",
];

pub const FINDINGS: &[&str] = &[
    "Respondents spend a third of their week on {o}",
    "Most teams still rely on {s} for {o}",
    "Trust in AI output rises sharply after a validated pilot",
    "Review cycles are the main bottleneck",
];

pub const METHODOLOGIES: &[&str] = &[
    "Semi-structured interviews",
    "Online survey with quota sampling",
    "Observation and diary study",
];

pub const SCORING_NOTES: &[&str] = &[
    "Scored in a synthetic workshop",
    "Visible, painful problem with clear actions",
    "Strong needs but low emotional pull",
    "Scenarios validated with three interviews",
];
