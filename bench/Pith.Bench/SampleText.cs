namespace Pith.Bench;

/// <summary>
/// Vocabulary for generated records: arXiv-like words, names and categories, with the awkward cases real records
/// have (non-ASCII titles, LaTeX accents and maths, empty licences, archives without subject class).
/// </summary>
internal static class SampleText
{
    public static readonly string[] TitleWords =
    [
        "Learning", "Sparse", "Neural", "Networks", "Quantum", "Entanglement", "Dynamics", "Scaling", "Laws", "Transformer",
        "Models", "Gauge", "Theory", "Lattice", "Black", "Holes", "Inflation", "Dark", "Matter", "Stochastic", "Gradient",
        "Descent", "Convex", "Optimization", "Random", "Graphs", "Topological", "Phases", "Superconductivity", "Bayesian",
        "Inference", "Galaxy", "Clusters", "Spectral", "Methods", "Nonlinear", "Waves", "String", "Compactifications",
        "Renormalization", "Group", "Flows", "Reinforcement", "Policy", "Representations", "Manifolds", "Operator", "Algebras",
    ];

    /// <summary>Title words outside ASCII (written raw, as UTF-8) and LaTeX as arXiv keeps it.</summary>
    public static readonly string[] UnusualTitleWords =
    [
        "Schrödinger", "Poincaré", "Erdős–Rényi", "Gödel", "Łojasiewicz", "Møller", "Ångström", "Σ-Protocols", "Kähler",
        "Čech", "Hölder", "Nöther", "Schr\\\"odinger", "$z \\sim 3$", "$\\mathcal{N}=4$", "$L_2$", "Bogoliubov–de Gennes",
    ];

    public static readonly string[] AbstractWords =
    [
        "we", "propose", "a", "new", "method", "for", "the", "of", "in", "and", "to", "show", "that", "this", "approach",
        "model", "data", "results", "which", "is", "are", "with", "on", "by", "an", "our", "can", "be", "these", "framework",
        "analysis", "performance", "demonstrate", "experiments", "theoretical", "bound", "error", "training", "network",
        "energy", "field", "symmetry", "observations", "simulations", "parameter", "regime", "limit", "large", "small",
        "dimensional", "efficient", "algorithm", "structure", "phase", "transition", "spectrum", "estimate", "loss",
        "$L_2$", "$O(n \\log n)$", "$\\alpha$", "(i)", "(ii)", "state-of-the-art", "non-linear", "well-known",
    ];

    public static readonly string[] FirstNames =
    [
        "Alireza", "Brendan", "Max", "Ziming", "Edo", "Sabine", "Siavash", "Maria", "Wei", "Yuki", "Olga", "Pierre", "Ana",
        "Jürgen", "Zoë", "Håkon", "José", "Ngozi", "Priya", "Tomasz",
    ];

    public static readonly string[] LastNames =
    [
        "Makhzani", "Frey", "Tegmark", "Liu", "Zhong", "Collins", "S\\\"usstrunk", "Bigdeli", "Garcia", "Chen", "Tanaka",
        "Ivanova", "Dupont", "Silva", "Müller", "Nakamura", "Okafor", "Sharma", "Kowalski", "Erd\\H{o}s",
    ];

    public static readonly string[] Categories =
    [
        "cs.LG", "cs.AI", "stat.ML", "cs.CL", "cs.CV", "hep-th", "hep-ph", "hep-lat", "gr-qc", "astro-ph", "astro-ph.CO",
        "astro-ph.GA", "quant-ph", "cond-mat.str-el", "cond-mat.mes-hall", "math.PR", "math.OC", "math-ph", "math.MP", "nucl-th",
    ];

    /// <summary>Old-style archives, whose ids keep a slash (<c>hep-th/9901001</c>).</summary>
    public static readonly string[] OldArchives = ["hep-th", "hep-ph", "hep-lat", "gr-qc", "astro-ph", "math", "cond-mat", "quant-ph"];

    public static readonly string[] Licenses =
    [
        "http://arxiv.org/licenses/nonexclusive-distrib/1.0/", "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-sa/4.0/", "http://creativecommons.org/licenses/by-nc-sa/4.0/",
    ];

    public static readonly string[] CitingTitles =
    [
        "Beyond Cross-Modal Alignment: Measuring and Leveraging Modality Gap in Vision-Language Models",
        "Winner-Take-All bottlenecks enforce disentangled symbolic representations in multi-task learning",
        "WriteSAE: Sparse Autoencoders for Recurrent State",
        "Phase Transitions in Driven Informational Systems: A Two-Field Perspective on Learning Theory",
        "Truth as a Compression Artifact in Language Model Training",
        "Correcting Influence: Unboxing LLM Outputs with Orthogonal Latent Spaces",
    ];
}
