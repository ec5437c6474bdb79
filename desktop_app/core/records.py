"""Plain, immutable records passed between the core modules, the CLI and the ui.

Data flows one way: files -> Row (datasets) -> Variant -> runner -> RowResult (store)
-> Verdicts (checks) -> RunSummary / Diagnosis (advisor) -> views.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TECHNIQUES = ("instructions", "step_by_step", "few_shot", "rag", "rag_tuned", "fine_tuned")
CHECK_FAMILIES = ("content", "behaviour")
GAP_KINDS = ("knowledge", "behaviour", "retrieval", "generation")
RAG_TECHNIQUES = frozenset({"rag", "rag_tuned"})


def technique_position(techniques) -> tuple[int, int]:
    """(x, y) on the technique grid; the strongest technique on each axis wins."""
    t = set(techniques)
    x = 3 if "fine_tuned" in t else 2 if "few_shot" in t else 1 if t & {"instructions", "step_by_step"} else 0
    y = 2 if "rag_tuned" in t else 1 if "rag" in t else 0
    return x, y


def is_rag_run(techniques, results) -> bool:
    """A run counts as RAG when a technique says so or any row was scored on retrieval (an
    imported run may carry passages without naming the technique)."""
    return bool(RAG_TECHNIQUES & set(techniques)) or any(v.family == "retrieval" for r in results for v in r.verdicts)


RECOMMENDATIONS = (
    "prompt_engineering",
    "rag",
    "improve_retrieval",
    "fine_tuning",
    "fine_tuning_and_rag",
    "good_enough",
    "stronger_model",  # added in wave 2: values are extended, never renamed
)
CONTENT_OUTCOMES = ("right", "wrong", "unsure")
# Content verdicts that replace the lexical ones when they decided: a person's review first,
# then the judge model (never ANDed with the lexical verdict it was asked to settle).
REVIEW_CHECK = "review"
JUDGE_CHECK = "judge"


@dataclass(frozen=True)
class Row:
    """One evaluation (or examples-pool) row after column mapping."""

    id: str
    input: str
    expected: str
    context: str = ""
    category: str = ""
    flags: tuple[str, ...] = ()  # "huge_cell" (a cell over 100k chars), "empty_expected"
    # From chat-format / Evals files: the conversation before the final user turn, kept so the
    # model sees what the file's model saw (system prompt; earlier turns as (role, content)).
    system: str = ""
    history: tuple[tuple[str, str], ...] = ()
    alternatives: tuple[str, ...] = ()  # other accepted answers (Evals "ideal" lists)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk as it was put into a prompt."""

    text: str
    source: str
    page: int | None = None
    position: int = 0
    score: float = 0.0
    chunk_id: str = ""


@dataclass(frozen=True)
class Verdict:
    """One check's judgement of one row's output."""

    check: str  # the check's id, e.g. "token_f1" or "regex:1"
    family: str  # "content" | "behaviour"
    passed: bool
    score: float  # 0..1
    reason: str = ""  # short machine-readable-ish reason; the ui words it
    # For model-judged checks: CheckSpec.fingerprint of the settings that produced it, so a
    # rescore after the rubric was edited knows the verdict is stale (metadata: not compared).
    spec: str = field(default="", compare=False)
    # Content only: text alone could not decide (a paraphrase, a low-overlap answer). Stored with
    # passed=False, but counted apart from wrong answers in every score and never a knowledge gap.
    unsure: bool = False


@dataclass(frozen=True)
class RunInfo:
    id: int
    name: str
    techniques: tuple[str, ...]
    model: str = ""
    imported: bool = False
    status: str = "running"  # running | complete | cancelled | failed
    created_at: str = ""
    variant: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RowResult:
    """What one row produced in one run, as stored in results.sqlite."""

    run_id: int
    row_id: str
    output: str | None
    error: str | None = None
    latency_s: float | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float | None = 0.0  # USD; None: the model has no known price (not free)
    cached: bool = False
    attempts: int = 1
    passages: tuple[Passage, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    tokens_sent: int = 0  # our own count of the prompt sent (0: unknown, e.g. imported)

    @property
    def read_short(self) -> bool:
        """The server counted far fewer prompt tokens than were sent: it cut the prompt, or it left
        cached tokens out of its count; ``prompt_cut_rows`` tells the two apart."""
        return self.error is None and PROMPT_CUT_MIN_READ <= self.tokens_in < PROMPT_CUT_SHARE * self.tokens_sent


# Tokenizers differ (ours counts as OpenAI's o200k does; Llama's and Qwen's count about as many or
# more), so only a server count clearly under ours means a cut. A cut prompt fills most of the window,
# and no local server runs a model with less than 2,048 tokens by default; a smaller count is an
# uncached part (a question after cached few-shot examples), not a cut.
PROMPT_CUT_SHARE = 0.85
PROMPT_CUT_MIN_READ = 1024
PROMPT_CUT_SAME = 0.02  # counts this close are one length: the window's


def prompt_cut_rows(results) -> frozenset[str]:
    """The rows whose prompt the server cut to fit its context window (Ollama and LM Studio do so
    silently), so their answers never saw all of it. A cut leaves every cut prompt the same length,
    the window's; a server that leaves cached prompt tokens out of its count (some Ollama versions)
    reports lengths that vary with each row's uncached part. So a short count is a cut only when
    another row read the same length (or the run has a single answer)."""
    short = [r for r in results if r.read_short]
    answered = sum(1 for r in results if r.error is None)
    if len(short) == 1 and answered == 1:
        return frozenset(r.row_id for r in short)

    def same(a: int, b: int) -> bool:
        return abs(a - b) <= PROMPT_CUT_SAME * max(a, b)

    # Sorted by count, a row's closest counts are its neighbours: one pass, not every pair.
    short.sort(key=lambda r: r.tokens_in)
    counts = [r.tokens_in for r in short]
    return frozenset(
        r.row_id
        for i, r in enumerate(short)
        if (i > 0 and same(counts[i - 1], counts[i])) or (i + 1 < len(counts) and same(counts[i], counts[i + 1]))
    )


@dataclass(frozen=True)
class RunSummary:
    """The leaderboard line of one run."""

    run: RunInfo
    rows: int
    errors: int
    content_score: float
    behaviour_score: float
    pass_rate: float
    tokens_in: int
    tokens_out: int
    cost: float | None  # None: some answered row has no known price
    latency_p50: float | None
    latency_p95: float | None
    context_recall: float | None = None
    context_precision: float | None = None
    faithfulness: float | None = None
    missing: int = 0  # evaluation rows without a result in this run (counted as failed)
    unsure: int = 0  # answered rows whose content verdict is unsure: left out of content score and pass rate
    prompt_cut: int = 0  # answered rows whose prompt the server cut to fit its context window

    @property
    def total(self) -> int:
        """The denominator of the scores: rows with a result plus the missing ones."""
        return self.rows + self.missing

    @property
    def decided(self) -> int:
        """The denominator of the pass rate: evaluation rows less the unsure ones."""
        return self.total - self.unsure


# -- the pass rules every module shares ------------------------------------------------------
def content_outcome(verdicts: tuple[Verdict, ...]) -> str | None:
    """ "right" | "wrong" | "unsure" for a row's content, None when no content check judged it.

    A decided review (the person) replaces every automatic content verdict, and a decided judge
    verdict replaces the lexical ones. Otherwise any decided failure makes the row wrong, and
    an unsure check with no failure beside it leaves the row unsure.
    """
    content = [v for v in verdicts if v.family == "content"]
    if not content:
        return None
    for source in (REVIEW_CHECK, JUDGE_CHECK):
        decided = [v for v in content if v.check == source and not v.unsure]
        if decided:
            content = decided
            break
    if any(not v.passed and not v.unsure for v in content):
        return "wrong"
    if any(v.unsure for v in content):
        return "unsure"
    return "right"


def content_passed(verdicts: tuple[Verdict, ...]) -> bool:
    """Content passes when its outcome is right (every deciding content check passed)."""
    return content_outcome(verdicts) == "right"


def content_unsure(verdicts: tuple[Verdict, ...]) -> bool:
    return content_outcome(verdicts) == "unsure"


def behaviour_passed(verdicts: tuple[Verdict, ...]) -> bool:
    """Behaviour passes when no behaviour check failed (no behaviour checks: passes)."""
    return all(v.passed for v in verdicts if v.family == "behaviour")


def row_passed(result: RowResult) -> bool:
    return result.error is None and content_passed(result.verdicts) and behaviour_passed(result.verdicts)
