//! IRI constants, grouped by namespace. Code reaches RDF terms only through
//! this module; no IRI string literals elsewhere.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: oxigraph::model::NamedNodeRef<'static> = oxigraph::model::NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// Namespace IRIs, as strings, for prefix declarations.
pub mod ns {
    pub const CG: &str = "https://w3id.org/councilgraph/ns#";
    pub const SCHEMA: &str = "http://schema.org/";
    pub const ORG: &str = "http://www.w3.org/ns/org#";
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
    pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    pub const TIME: &str = "http://www.w3.org/2006/time#";
    /// Default base of minted entity IRIs (`--base` changes it).
    pub const DATA: &str = "https://w3id.org/councilgraph/id/";
    /// ONS statistical geographies (council `owl:sameAs` targets).
    pub const ONS: &str = "http://statistics.data.gov.uk/id/statistical-geography/";
    /// Wikidata entities.
    pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";
    /// The prefixes written in Turtle/TriG exports, in order.
    pub const PREFIXES: &[(&str, &str)] = &[
        ("cg", CG),
        ("schema", SCHEMA),
        ("org", ORG),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("nif", NIF),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("xsd", XSD),
        ("owl", OWL),
        ("time", TIME),
    ];
}

/// The named graph that holds the ontology in the store.
pub const ONTOLOGY_GRAPH: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/councilgraph/ns");

pub mod rdf {
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        TYPE = "type", STATEMENT = "Statement", SUBJECT = "subject", PREDICATE = "predicate", OBJECT = "object");
}
pub mod rdfs {
    terms!("http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label", COMMENT = "comment");
}
pub mod owl {
    terms!("http://www.w3.org/2002/07/owl#"; SAME_AS = "sameAs");
}
pub mod xsd {
    terms!("http://www.w3.org/2001/XMLSchema#";
        DATE = "date", BOOLEAN = "boolean", INTEGER = "integer", NON_NEGATIVE_INTEGER = "nonNegativeInteger",
        G_YEAR = "gYear", G_YEAR_MONTH = "gYearMonth");
}
pub mod schema {
    terms!("http://schema.org/";
        PERSON = "Person", POLITICAL_PARTY = "PoliticalParty", ORGANIZATION = "Organization",
        GOVERNMENT_ORGANIZATION = "GovernmentOrganization", NEWS_ARTICLE = "NewsArticle",
        QUOTATION = "Quotation", TEXT = "text", CREATOR = "creator", AUTHOR = "author",
        DATE_PUBLISHED = "datePublished", HEADLINE = "headline", URL = "url",
        HONORIFIC_PREFIX = "honorificPrefix", SAME_AS = "sameAs", COLOR = "color", NAME = "name",
        AREA_SERVED = "areaServed");
}
pub mod org {
    terms!("http://www.w3.org/ns/org#";
        MEMBER_OF = "memberOf", MEMBERSHIP = "Membership", MEMBER = "member",
        ORGANIZATION = "organization", ROLE = "role", ROLE_CLASS = "Role", MEMBER_DURING = "memberDuring");
}
pub mod dcterms {
    terms!("http://purl.org/dc/terms/"; IDENTIFIER = "identifier", SOURCE = "source", DATE = "date");
}
pub mod nif {
    terms!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        BEGIN_INDEX = "beginIndex", END_INDEX = "endIndex", CONTEXT = "Context", IS_STRING = "isString",
        REFERENCE_CONTEXT = "referenceContext");
}
pub mod prov {
    terms!("http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom", PLAN = "Plan");
}
pub mod time {
    terms!("http://www.w3.org/2006/time#";
        INTERVAL = "Interval", HAS_BEGINNING = "hasBeginning", HAS_END = "hasEnd",
        INSTANT = "Instant", IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth", IN_XSD_G_YEAR = "inXSDgYear");
}
pub mod skos {
    terms!("http://www.w3.org/2004/02/skos/core#"; PREF_LABEL = "prefLabel", CONCEPT = "Concept");
}
pub mod cg {
    terms!("https://w3id.org/councilgraph/ns#";
        COUNCIL = "Council", INSPECTION = "Inspection", JUDGEMENT = "Judgement", WARD = "Ward",
        SAID = "said", CONTROLLED_BY = "controlledBy", CALLED_FOR_RESIGNATION_OF = "calledForResignationOf",
        REPRESENTS_WARD = "representsWard", FORMER = "former", INSPECTED_BODY = "inspectedBody",
        INSPECTOR = "inspector", JUDGEMENT_PROP = "judgement", JUDGEMENT_AREA = "judgementArea",
        GRADE = "grade", RULE = "rule", SENTENCE = "sentence", CONTINUES = "continues", MENTIONS = "mentions",
        GSS_CODE = "gssCode", DFE_LA_CODE = "dfeLaCode", OFSTED_URN = "ofstedUrn", REGISTER_CODE = "registerCode",
        ELECTORAL_COMMISSION_ID = "electoralCommissionId", FOLLOWED_RULE = "followedRule",
        INSPECTION_EVENT = "InspectionEvent", OF_INSPECTION = "ofInspection", DERIVED_GRAPH = "DerivedGraph",
        LATEST_INSPECTION = "latestInspection", ARTICLE_COUNT = "articleCount");
}

/// Every `cg:` local name the code uses; a test checks each is declared in the ontology.
pub const CG_TERMS_USED: &[&str] = &[
    "Council",
    "Inspection",
    "Judgement",
    "Ward",
    "said",
    "controlledBy",
    "calledForResignationOf",
    "representsWard",
    "former",
    "inspectedBody",
    "inspector",
    "judgement",
    "judgementArea",
    "grade",
    "rule",
    "sentence",
    "continues",
    "mentions",
    "gssCode",
    "dfeLaCode",
    "ofstedUrn",
    "registerCode",
    "electoralCommissionId",
    "followedRule",
    "InspectionEvent",
    "ofInspection",
    "DerivedGraph",
    "latestInspection",
    "articleCount",
];
