"""The top of the Advice page in words: the headline, what the move means, why, and what changed.

Works on ``Diagnosis.to_dict()`` (the `advise --json` keys) so it reads exactly what the CLI
and the report read. Plain text only; run names are user text and stay text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.ui.advice.fmt import count, fill, pct, points
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.words import plural
from desktop_app.ui.language import sentences

RECOMMENDATIONS = (
    "prompt_engineering",
    "rag",
    "improve_retrieval",
    "fine_tuning",
    "fine_tuning_and_rag",
    "good_enough",
    "stronger_model",
)
KNOWLEDGE_SIDE = ("knowledge", "retrieval", "generation")


def is_grounding(d: dict) -> bool:
    """Prompt engineering aimed at generation gaps (its checklist is the grounding one)."""
    ids = {c.get("id") for c in d.get("checklist_details") or []} | set(d.get("checklist") or [])
    return d.get("recommendation") == "prompt_engineering" and "answer_only_from_passages" in ids


def rag_measured(d: dict) -> bool:
    return any(r.get("is_rag") or {"rag", "rag_tuned"} & set(r.get("techniques") or []) for r in d.get("runs") or [])


class AdviceHeadlines(QObject):
    def __init__(self, words: AdviceText | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.words = words or AdviceText(self)

    def headline(self, recommendation: str, focus: str = "") -> str:
        """The move in a few words; ``focus`` (Diagnosis.focus) names it on top of RAG or as documents to add."""
        focused = {
            ("rag", "add_documents"): self.tr("Add documents, then RAG"),
            ("improve_retrieval", "add_documents"): self.tr("Add documents that cover the missing answers"),
            ("improve_retrieval", "on_rag"): self.tr("Improve retrieval on top of RAG next"),
            ("fine_tuning", "on_rag"): self.tr("Fine-tuning on top of RAG next"),
            ("fine_tuning_and_rag", "on_rag"): self.tr("Fine-tuning on top of RAG next"),
        }.get((recommendation, focus))
        if focused:
            return focused
        return {
            "prompt_engineering": self.tr("More prompt engineering next"),
            "rag": self.tr("RAG next"),
            "improve_retrieval": self.tr("Improve retrieval next"),
            "fine_tuning": self.tr("Fine-tuning next"),
            "fine_tuning_and_rag": self.tr("Fine-tuning and RAG next"),
            "good_enough": self.tr("Good enough"),
            "stronger_model": self.tr("A stronger model next"),
        }.get(recommendation, recommendation.replace("_", " "))

    def meaning(self, d: dict) -> str:
        rec = d.get("recommendation", "")
        focused = {
            ("rag", "add_documents"): self.tr(
                "The model lacks facts, and for most of the questions it gets wrong no document holds the answer: "
                "retrieval can only bring what the documents contain. Add documents that cover the questions listed "
                "first, then measure RAG."
            ),
            ("improve_retrieval", "add_documents"): self.tr(
                "With RAG, most of the answers still missing are in none of the documents: no search setting can "
                "find them. Add documents that cover the questions listed first, then measure again."
            ),
            ("improve_retrieval", "on_rag"): self.tr(
                "RAG is in use and fixed most of the missing facts. The next move on top of it: tune retrieval for "
                "the rows whose passages still lack the answer."
            ),
            ("fine_tuning", "on_rag"): self.tr(
                "RAG is in use and brings the facts, but the answers still take the wrong form. Train the model on "
                "examples of the wanted behaviour, with their passages."
            ),
            ("fine_tuning_and_rag", "on_rag"): self.tr(
                "RAG is in use, yet both missing facts and wrong form remain after prompt work: fine-tune the model "
                "and keep improving retrieval."
            ),
        }.get((rec, d.get("focus") or ""))
        if focused:
            return focused
        if rec == "stronger_model":
            return self.tr(
                "The passages hold the answer and a grounding prompt was measured, yet the model still "
                "ignores them: the model itself is the limit. Try a stronger model on the same rows, or "
                "fine-tune this one on answers that use the passages."
            )
        if is_grounding(d):
            return self.tr(
                "The passages hold the answer but the replies do not use it. Tell the model to answer "
                "from the passages before trying anything costlier."
            )
        if rec == "rag" and rag_measured(d):
            return self.tr(
                "RAG has been measured and fixed most of the missing facts: adopt it, then tune "
                "retrieval and grounding with the checklist below."
            )
        return {
            "prompt_engineering": self.tr(
                "Improve the prompt first: clearer instructions, a step-by-step request "
                "and a few worked examples. It is the cheapest step."
            ),
            "rag": self.tr(
                "The model lacks facts. Retrieve passages from your documents into the prompt (context "
                "optimization: what the model needs to know)."
            ),
            "improve_retrieval": self.tr(
                "RAG is in place, but its passages often lack the answer. Tune chunking, "
                "search and ranking before changing the model."
            ),
            "fine_tuning": self.tr(
                "The model knows enough but does not act consistently. Train it on examples of "
                "the wanted behaviour (LLM optimization: how the model needs to act)."
            ),
            "fine_tuning_and_rag": self.tr(
                "Both missing facts and wrong form remain after prompt work and RAG: "
                "combine a fine-tuned model with retrieval."
            ),
            "good_enough": self.tr("The pass rate meets the target. Keep the evaluation set as a regression test."),
        }.get(rec, "")

    # -- why: one sentence from the evidence that decided ---------------------------------------------
    @staticmethod
    def _first(d: dict, kind: str, **match) -> dict | None:
        for e in d.get("evidence") or []:
            n = e.get("numbers") or {}
            if e.get("kind") == kind and all(n.get(k) == v for k, v in match.items()):
                return e
        return None

    @staticmethod
    def _run(d: dict, name) -> dict:
        found = [r for r in d.get("runs") or [] if r.get("name") == name]
        return found[-1] if found else {}

    def why(self, d: dict) -> str:
        """E.g. "90% of the failures were missing facts, and RAG fixed 85% of them." ("" if nothing fits)."""
        try:
            return self._why(d)
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            return ""  # odd numbers: the evidence list below still says everything

    def _why(self, d: dict) -> str:
        rec = d.get("recommendation")
        if rec == "good_enough":
            e = self._first(d, "pass_rate")
            if e:
                n = e["numbers"]
                return fill(
                    self.tr("%1 passes %2 of its rows; the target is %3."),
                    self.words.quoted(d.get("from_run", "")),
                    pct(n["pass_rate"]),
                    pct(n["target"]),
                )
            return ""
        if rec == "rag":
            return self._why_rag(d)
        absent = self._first(d, "not_in_documents")
        if absent and d.get("focus") == "add_documents":
            return fill(
                self.tr("For %1 of the %2 rows answered wrong, no document holds the answer."),
                count(absent["numbers"]["count"]),
                count(absent["numbers"]["of"]),
            )
        if rec == "stronger_model":
            e = self._first(d, "plateau")
            return (
                fill(
                    self.tr(
                        "Grounding the prompt was tried, but %1 of the rows still ignore the answer in their passages."
                    ),
                    pct(e["numbers"]["share"]),
                )
                if e
                else ""
            )
        if rec == "improve_retrieval":
            e = self._first(d, "retrieval_gap_share")
            if e:
                text = fill(
                    self.tr("%1 of the failures with RAG came from passages that lacked the answer."),
                    pct(e["numbers"]["share"]),
                )
                # On top of RAG: first what RAG already achieved, then what is left to retrieval.
                return sentences(self._why_rag(d), text) if d.get("focus") == "on_rag" else text
            e = self._first(d, "retrieval_unmeasured")
            if e:
                return fill(
                    self.tr(
                        "%1 rows still have wrong facts with RAG, and no retrieval check tells whether "
                        "the passages held the answer."
                    ),
                    count(e["numbers"]["count"]),
                )
            return ""
        if rec == "prompt_engineering":
            if is_grounding(d):
                e = self._first(d, "generation_gap_share")
                return (
                    fill(
                        self.tr(
                            "%1 of the failures with RAG had the answer in the passages, but the reply did not use it."
                        ),
                        pct(e["numbers"]["share"]),
                    )
                    if e
                    else ""
                )
            e = self._first(d, "behaviour_gap_share")
            return (
                fill(
                    self.tr(
                        "%1 of the failures had the right facts in the wrong form: clearer instructions and "
                        "examples are the cheapest fix."
                    ),
                    pct(e["numbers"]["share"]),
                )
                if e
                else ""
            )
        if rec == "fine_tuning":
            e = self._first(d, "plateau")
            if e and e["numbers"].get("gap") == "generation":
                return fill(
                    self.tr(
                        "Grounding the prompt was tried, but %1 of the rows still ignore the answer in their passages."
                    ),
                    pct(e["numbers"]["share"]),
                )
            if e:
                return fill(
                    self.tr(
                        "Few-shot examples fixed %1 of the rows with the wrong form, but %2 of the rows still have it."
                    ),
                    pct(e["numbers"]["fixed_share"]),
                    pct(e["numbers"]["share"]),
                )
            return ""
        if rec == "fine_tuning_and_rag":
            gaps = d.get("gaps") or {}
            fails = sum(int(v) for v in gaps.values())
            facts = sum(int(gaps.get(k, 0)) for k in KNOWLEDGE_SIDE)
            return fill(
                self.tr("After prompt work and RAG, %1 of the failures still lack facts and %2 have the wrong form."),
                pct(facts / fails),
                pct(int(gaps.get("behaviour", 0)) / fails),
            )
        return ""

    def _why_rag(self, d: dict) -> str:
        fixed = None
        for e in d.get("evidence") or []:
            n, runs = e.get("numbers") or {}, e.get("runs") or []
            if (
                e.get("kind") == "technique_fixed"
                and n.get("gap") == "knowledge"
                and len(runs) > 1
                and self._run(d, runs[1]).get("is_rag")
            ):
                fixed = e
                break
        if fixed is not None:
            base = self._run(d, fixed["runs"][0])
            gaps = base.get("gaps") or {}
            fails = sum(int(v) for v in gaps.values())
            facts = sum(int(gaps.get(k, 0)) for k in KNOWLEDGE_SIDE)
            return fill(
                self.tr("%1 of the failures were missing facts, and RAG fixed %2 of them."),
                pct(facts / fails),
                pct(fixed["numbers"]["share"]),
            )
        e = self._first(d, "knowledge_gap_share")
        if e is None:
            return ""
        text = fill(
            self.tr("%1 of the failures were missing facts: RAG can bring them from your documents."),
            pct(e["numbers"]["share"]),
        )
        ready = self._first(d, "readiness")
        if ready and "share" in (ready.get("numbers") or {}):
            text = sentences(
                text, fill(self.tr("The documents hold the answer for %1 of the rows."), pct(ready["numbers"]["share"]))
            )
        return text

    # -- the rest of the header -----------------------------------------------------------------------
    def confidence(self, d: dict) -> str:
        """ "Confidence: moderate (few evaluation rows)." — words from what was measured, never a made-up
        percentage (the rule: docs/advice.md)."""
        level = self.words.confidence_level(d.get("confidence_level"))
        reasons = [self.words.confidence_reason(str(r)) for r in d.get("confidence_reasons") or []]
        if not reasons:
            return fill(self.tr("Confidence: %1."), level)
        return fill(self.tr("Confidence: %1 (%2)."), level, self.tr("; ").join(reasons))

    def starting_point(self, d: dict) -> str:
        return fill(
            self.tr("The advice starts from the best run, %1; target pass rate %2."),
            self.words.quoted(d.get("from_run", "")),
            pct(d.get("target")),
        )

    def trust(self, d: dict) -> str:
        """How far the verdicts behind the advice can be trusted: the person's reviews, the unsure rows."""
        found = d.get("agreement")
        if not found or not found.get("count"):
            text = self.tr(
                "The verdicts behind this advice are automatic: no answer has been reviewed yet "
                "(Results → Review 20 answers)."
            )
        else:
            kappa = "—" if found.get("kappa") is None else f"{found['kappa']:.2f}"
            text = fill(
                plural(
                    found["count"],
                    self.tr(
                        "You reviewed %1 answer: the automatic verdict agreed with yours on %2 (%3, Cohen's kappa %4)."
                    ),
                    self.tr(
                        "You reviewed %1 answers: the automatic verdicts agreed with yours on %2 "
                        "(%3, Cohen's kappa %4)."
                    ),
                ),
                found["count"],
                found["agreed"],
                pct(found.get("share")),
                kappa,
            )
        if d.get("unsure"):
            text += " " + fill(
                self.tr("%1 answers of %2 are unsure and counted apart, never as gaps."),
                d["unsure"],
                self.words.quoted(d.get("from_run", "")),
            )
        return text

    def change(self, change) -> str:
        """The latest run against its parent on the ladder (``change`` from compute.last_change, or None)."""
        if change is None:
            return self.tr("Only one run so far: run another variant to see what it changes.")
        w = self.words
        if change.parent and (change.added or change.model_changed):
            what = (
                fill(self.tr("adds %1"), w.techniques(change.added))
                if change.added
                else fill(self.tr("same techniques on model %1"), w.quoted(change.model))
            )
            text = fill(
                self.tr("Latest run %1 against its parent %2 (%3): pass rate %4 → %5 (%6 points)."),
                w.quoted(change.latest),
                w.quoted(change.previous),
                what,
                pct(change.previous_pass_rate),
                pct(change.pass_rate),
                points(change.pass_rate - change.previous_pass_rate),
            )
        else:
            text = fill(
                self.tr("Latest run %1 against %2: pass rate %3 → %4 (%5 points)."),
                w.quoted(change.latest),
                w.quoted(change.previous),
                pct(change.previous_pass_rate),
                pct(change.pass_rate),
                points(change.pass_rate - change.previous_pass_rate),
            )
            if not change.parent:
                text = sentences(
                    text,
                    self.tr("No earlier run differs from it by one step, so more than one thing changed between them."),
                )
        if change.common:
            text = sentences(
                text,
                fill(
                    self.tr("On the %1 rows both ran: %2 fixed, %3 broken."),
                    count(change.common),
                    count(len(change.fixed)),
                    count(len(change.broken)),
                ),
            )
        return text

    def sample_note(self) -> str:
        return self.tr(
            "This is the sample project: its runs were written by hand for the tour, not produced by a "
            "model. Create a project of your own to get advice on your data."
        )
