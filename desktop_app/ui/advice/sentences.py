"""The words of the advice: one translatable sentence per evidence kind and per checklist id.

The advisor returns evidence as data (kind, numbers, rows, runs) and checklist items as stable
ids; this module words them for the screen (core/report_text.py words the same data for the
exported report). Every method returns PLAIN text: callers put it in plain-text labels, or
html.escape it, because run names are user text. A kind or id this module does not know, or
numbers it cannot read, fall back to the raw data instead of failing.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject

from desktop_app.ui.advice.fmt import count, fill, num, pct, ratio, seconds
from desktop_app.ui.language import joined, sentences
from desktop_app.ui.run.words import plural

# Kept in step with the advisor (desktop_app/core/advice/evidence.py); a test checks both lists.
EVIDENCE_KINDS = ("knowledge_gap_share", "behaviour_gap_share", "retrieval_gap_share", "generation_gap_share",
                  "technique_fixed", "regression", "token_cost", "plateau", "readiness", "pass_rate",
                  "cheaper_run", "errors", "no_content_checks", "retrieval_unmeasured", "not_in_documents")
GAP_KINDS = ("knowledge", "behaviour", "retrieval", "generation")


class AdviceText(QObject):
    """Owns the translations (context "AdviceText"); one instance per page is enough."""

    names: dict = {}  # run name -> what the window calls it (set per diagnosis by ``use_runs``)

    def use_runs(self, runs) -> None:
        """Name runs as the window does: a run named after its preset reads as its ladder step."""
        from desktop_app.ui.language import localized  # noqa: PLC0415

        self.names = {r.get("name"): localized(r.get("label") or r.get("name")) for r in runs or []}

    # -- small words ----------------------------------------------------------------------------
    def quoted(self, name: Any) -> str:
        return fill(self.tr("“%1”"), self.names.get(name, name))

    def technique(self, key: str) -> str:
        names = {"instructions": self.tr("instructions"), "step_by_step": self.tr("step-by-step"),
                 "few_shot": self.tr("few-shot"), "rag": self.tr("RAG"), "rag_tuned": self.tr("tuned retrieval"),
                 "fine_tuned": self.tr("fine-tuned")}
        return names.get(str(key), str(key).replace("_", "-"))

    def techniques(self, keys) -> str:
        keys = list(keys or [])
        return joined(self.technique(k) for k in keys) if keys else self.tr("none (baseline)")

    def gap_name(self, gap: str) -> str:
        return {"knowledge": self.tr("knowledge gap"), "behaviour": self.tr("behaviour gap"),
                "retrieval": self.tr("retrieval gap"), "generation": self.tr("generation gap")}.get(gap, gap)

    def gap_title(self, gap: str) -> str:
        return {"knowledge": self.tr("Knowledge gaps"), "behaviour": self.tr("Behaviour gaps"),
                "retrieval": self.tr("Retrieval gaps"), "generation": self.tr("Generation gaps")}.get(gap, gap)

    def gap_meaning(self, gap: str) -> str:
        return {"knowledge": self.tr("The facts in the answer were missing or wrong."),
                "behaviour": self.tr("The facts were right but the form was wrong (format, length, tone, language)."),
                "retrieval": self.tr("With RAG, the retrieved passages did not contain the answer."),
                "generation": self.tr("With RAG, the passages had the answer but the reply did not use it."),
                }.get(gap, "")

    def confidence_level(self, level: Any) -> str:
        return {"high": self.tr("high"), "moderate": self.tr("moderate"), "low": self.tr("low")}.get(
            str(level), self.tr("unknown"))

    def confidence_reason(self, reason: str) -> str:
        """Why the confidence is lower (diagnose.confidence_words; the rule is in docs/advice.md)."""
        return {"few_rows": self.tr("few evaluation rows"),
                "chance": self.tr("the comparison behind it could be chance"),
                "inferred": self.tr("its premise is inferred, not yet measured"),
                "close_call": self.tr("the other move is nearly as well supported"),
                "regression": self.tr("the move repeats a step measured to make things worse"),
                "verdicts_disagree": self.tr("the automatic verdicts often disagree with yours"),
                "many_unsure": self.tr("many answers are unsure"),
                }.get(reason, reason.replace("_", " "))

    def _run(self, runs: list, i: int) -> str:
        return self.quoted(runs[i]) if len(runs) > i else self.tr("the run")

    @staticmethod
    def fallback(kind: Any, numbers: Any) -> str:
        """The raw data of an item no sentence exists for: still readable, never an error."""
        if isinstance(numbers, dict) and numbers:
            return f"{kind}: " + ", ".join(f"{k} {v}" for k, v in numbers.items())
        return str(kind)

    # -- evidence ---------------------------------------------------------------------------------
    def _gap_share(self, n: dict, runs: list, gap: str) -> str:
        template = {
            "knowledge": self.tr("%1 of the %2 failing rows of %3 (%4) are knowledge gaps: the facts in the "
                                 "answer were missing or wrong."),
            "behaviour": self.tr("%1 of the %2 failing rows of %3 (%4) are behaviour gaps: the facts were right "
                                 "but the form was wrong (format, length, tone, language)."),
            "retrieval": self.tr("%1 of the %2 failing rows of %3 (%4) are retrieval gaps: the retrieved "
                                 "passages did not contain the answer."),
            "generation": self.tr("%1 of the %2 failing rows of %3 (%4) are generation gaps: the passages had "
                                  "the answer but the reply did not use it."),
        }[gap]
        return fill(template, count(n["count"]), count(n["failures"]), self._run(runs, 0), pct(n["share"]))

    def _technique_fixed(self, n: dict, runs: list) -> str:
        run = self._run(runs, 1)
        if n.get("techniques"):
            run = fill(self.tr("%1 (adding %2)"), run, self.techniques(n["techniques"]))
        template = (self.tr("%1 fixed %2 of the %3 rows of %4 that had the wrong form (%5).")
                    if n["gap"] == "behaviour" else
                    self.tr("%1 fixed %2 of the %3 rows of %4 that lacked the right facts (%5)."))
        text = fill(template, run, count(n["fixed"]), count(n["of"]), self._run(runs, 0), pct(n["share"]))
        if n.get("broken"):
            text = sentences(text, plural(n["broken"], self.tr("It broke %1 row that passed before."),
                                          self.tr("It broke %1 rows that passed before.")))
        return text

    def _regression(self, n: dict, runs: list) -> str:
        text = fill(self.tr("%1 did worse than %2: on the %3 rows both answered, the pass rate fell from %4 to %5."),
                    self._run(runs, 1), self._run(runs, 0), count(n["common"]), pct(n["reference_pass_rate"]),
                    pct(n["pass_rate"]))
        return sentences(text, fill(self.tr("Rows broken: %1; rows fixed: %2."), count(n["broken"]), count(n["fixed"])))

    def _token_cost(self, n: dict, runs: list) -> str:
        text = fill(self.tr("%1 uses %2 tokens per request against %3 for %4 (×%5)."),
                    self._run(runs, 1), count(n["tokens_per_request"]), count(n["reference_tokens_per_request"]),
                    self._run(runs, 0), ratio(n["ratio"]))
        if num(n.get("latency_p50")) is not None and num(n.get("reference_latency_p50")) is not None:
            text = sentences(text, fill(self.tr("Median latency %1 against %2."), seconds(n["latency_p50"]),
                                        seconds(n["reference_latency_p50"])))
        return text

    def _plateau(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 fixed %2 of the %3 rows of %4 with a %5 (%6), but %7 of its %8 answered rows "
                            "(%9) still have one."),
                    self._run(runs, 1), count(n["fixed"]), count(n["of"]), self._run(runs, 0),
                    self.gap_name(n["gap"]), pct(n["fixed_share"]), count(n["remaining"]), count(n["rows"]),
                    pct(n["share"]))

    def _readiness(self, n: dict, runs: list) -> str:
        if "in_top_k" in n and "evaluated" in n and "k" in n:
            return fill(self.tr("Retrieval readiness: the knowledge base returns the answer in its top %1 passages "
                                "for %2 of %3 rows (%4)."),
                        count(n["k"]), count(n["in_top_k"]), count(n["evaluated"]), pct(n["share"]))
        return fill(self.tr("Retrieval readiness: the knowledge base returns the answer in its top passages for "
                            "%1 of the rows checked."), pct(n["share"]))

    def _pass_rate(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 passes %2 of its %3 rows; the target is %4."),
                    self._run(runs, 0), pct(n["pass_rate"]), count(n["rows"]), pct(n["target"]))

    def _cheaper_run(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 also meets the target (%2) with %3 tokens per request instead of %4."),
                    self._run(runs, 1), pct(n["pass_rate"]), count(n["tokens_per_request"]),
                    count(n["reference_tokens_per_request"]))

    def _errors(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 of the %2 rows of %3 got no answer (errors); they are not counted as gaps. Check "
                            "the connection and run again."), count(n["errors"]), count(n["rows"]), self._run(runs, 0))

    def _no_content_checks(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 has no content check, so missing or wrong facts cannot be detected. Add one on the "
                            "Checks page (for example token F1 or an LLM judge)."), self._run(runs, 0))

    def _retrieval_unmeasured(self, n: dict, runs: list) -> str:
        return fill(self.tr("%1 of the %2 answered rows of %3 have wrong facts, but no retrieval check scored their "
                            "passages, so it is unknown whether retrieval or the answer is at fault."),
                    count(n["count"]), count(n["rows"]), self._run(runs, 0))

    def _not_in_documents(self, n: dict, runs: list) -> str:
        return fill(self.tr("For %1 of the %2 rows %3 got wrong, no document holds the expected answer (%4): add "
                            "documents that cover these questions."),
                    count(n["count"]), count(n["of"]), self._run(runs, 0), pct(n["share"]))

    def evidence(self, item: dict) -> str:
        """One evidence dict ({kind, numbers, rows, runs}) as a sentence (its rows are shown apart)."""
        kind = str(item.get("kind", "?"))
        numbers = item.get("numbers") or {}
        runs = [str(r) for r in item.get("runs") or []]
        makers: dict[str, Callable[[dict, list], str]] = {
            "technique_fixed": self._technique_fixed, "regression": self._regression,
            "token_cost": self._token_cost, "plateau": self._plateau, "readiness": self._readiness,
            "pass_rate": self._pass_rate, "cheaper_run": self._cheaper_run, "errors": self._errors,
            "no_content_checks": self._no_content_checks, "retrieval_unmeasured": self._retrieval_unmeasured,
            "not_in_documents": self._not_in_documents,
        }
        for gap in GAP_KINDS:
            makers[f"{gap}_gap_share"] = lambda n, r, g=gap: self._gap_share(n, r, g)
        make = makers.get(kind)
        if make is not None and isinstance(numbers, dict):
            try:
                return make(numbers, runs) + self.chance(numbers)
            except (KeyError, TypeError, ValueError, IndexError):
                pass  # changed or partial numbers: show the raw data rather than nothing
        text = self.fallback(kind, numbers)
        return text + (f" ({', '.join(runs)})" if runs else "")

    def chance(self, n: dict) -> str:
        """For a comparison of two runs: said plainly when its difference could be chance."""
        p = n.get("p_value")
        if not isinstance(p, (int, float)) or p < 0.05 or not (n.get("broken") or n.get("fixed")):
            return ""
        text = " " + fill(self.tr("This could be chance (p = %1)."), f"{p:.2f}")
        settle = n.get("rows_to_settle")
        if settle:
            text += " " + fill(self.tr("About %1 evaluation rows would settle it."), count(settle))
        return text

    # -- checklist --------------------------------------------------------------------------------
    def _checklist_table(self) -> dict[str, tuple[Callable[[dict], str] | None, str]]:
        """id -> (sentence with its numbers, sentence without them)."""
        return {
            "clear_instructions": (None, self.tr("Write clear, specific instructions: who answers, for whom, and "
                                                 "what a "
                                           "good answer contains.")),
            "split_task": (None, self.tr("Split a complex task into simpler steps or prompts.")),
            "step_by_step": (None, self.tr("Give the model time to think: ask it to reason step by step before "
                                     "answering.")),
            "few_shot_examples": (
                lambda n: fill(self.tr("Add a few worked examples (few-shot) from the examples pool (%1 rows set "
                                       "aside)."),
                               count(n["pool"])),
                self.tr("Add a few worked examples (few-shot).")),
            "output_format_spec": (None, self.tr("Spell out the output format exactly (fields, length, language) and "
                                           "show it.")),
            "answer_only_from_passages": (None, self.tr("Tell the model to answer only from the retrieved passages.")),
            "cite_passages": (None, self.tr("Ask it to cite the passage each fact comes from.")),
            "say_when_not_found": (None, self.tr("Let it say the documents do not contain the answer instead of "
                                           "guessing.")),
            "passages_before_question": (None, self.tr("Put the passages before the question, clearly delimited.")),
            "grounded_few_shot_examples": (
                lambda n: fill(self.tr("Add examples that answer from passages (%1 rows in the examples pool)."),
                               count(n["pool"])),
                self.tr("Add examples that answer from passages.")),
            "add_documents": (None, self.tr("Add the documents that hold the answers to the knowledge base.")),
            "check_readiness": (
                lambda n: fill(self.tr("Check retrieval readiness: the answer is in the top passages for %1 of rows."),
                               pct(n["share"])),
                self.tr("Check retrieval readiness: how often the answer is in the top passages.")),
            "choose_top_k": (None, self.tr("Choose how many passages to retrieve (top-k): enough to hold the "
                                           "answer, few "
                                     "enough to keep prompts short.")),
            "hybrid_search": (None, self.tr("Use hybrid search (keywords plus embeddings) so names, codes and "
                                            "numbers are "
                                      "found.")),
            "grounding_instructions": (None, self.tr("Instruct the model to answer from the passages and to say "
                                                     "when they "
                                               "lack the answer.")),
            "compare_with_baseline": (None, self.tr("Run RAG on the same rows and compare it with the baseline.")),
            "watch_token_cost": (
                lambda n: fill(self.tr("Watch the token cost: %1 tokens per request against %2 without it."),
                               count(n["tokens_per_request"]), count(n["reference_tokens_per_request"])),
                self.tr("Watch the token cost: passages add prompt tokens and latency.")),
            "add_missing_documents": (
                lambda n: fill(self.tr("Add the documents missing for the %1 rows whose passages lacked the answer."),
                               count(n["rows"])),
                self.tr("Add the documents that are missing from the knowledge base.")),
            "chunk_size": (None, self.tr("Experiment with chunk size and overlap.")),
            "rerank": (None, self.tr("Re-rank the retrieved passages (for example with a cross-encoder).")),
            "classify_questions": (None, self.tr("Classify questions and route each kind to the right source.")),
            "metadata_filters": (None, self.tr("Filter by metadata (product, date, document type).")),
            "query_expansion": (None, self.tr("Expand or rewrite the query before searching.")),
            "tools_for_structured_data": (None, self.tr("Use a tool (for example SQL) for structured data such as "
                                                        "price "
                                                  "lists.")),
            "hyde": (None, self.tr("Costly option: HyDE (search with a hypothetical answer).")),
            "finetune_embeddings": (None, self.tr("Costly option: fine-tune the embedding model.")),
            "small_high_quality_set": (None, self.tr("Start with a small set of high-quality examples: quality beats "
                                               "quantity.")),
            "use_examples_pool": (
                lambda n: fill(self.tr("Build the training set from the examples pool: %1 rows now; at least %2, "
                                       "ideally "
                                 "%3 or more."), count(n["pool"]), count(n["minimum"]), count(n["suggested"])),
                self.tr("Build the training set from the examples pool.")),
            "check_data_behaviour": (None, self.tr("Check that every training example shows exactly the wanted "
                                             "behaviour: a tuned model copies the data, good or bad.")),
            "hold_out_eval": (None, self.tr("Keep the evaluation rows out of the training data and measure the tuned "
                                      "model on them.")),
            "compare_token_cost": (
                lambda n: fill(self.tr("Compare token cost: a tuned model needs no long instructions or examples (%1 "
                                 "tokens per request now)."), count(n["tokens_per_request"])),
                self.tr("Compare token cost: a tuned model needs no long instructions or examples.")),
            "train_with_retrieved_passages": (None, self.tr("Train on examples that include the retrieved passages, so "
                                                      "the model learns to use them.")),
            "keep_improving_retrieval": (
                lambda n: fill(self.tr("Keep improving retrieval: %1 rows still lack the answer in their passages."),
                               count(n["rows"])),
                self.tr("Keep improving retrieval.")),
            "try_stronger_model": (
                lambda n: fill(self.tr("Run the same variant on a stronger model than %1 (a new variant with another "
                                       "model; it is drawn as a step of its own)."), n["model"]),
                self.tr("Run the same variant on a stronger model (a new variant with another model).")),
            "same_rows_same_checks": (None, self.tr("Compare it on the same rows with the same checks, so the "
                                                    "difference is the model's.")),
            "fine_tune_instead": (
                lambda n: fill(self.tr("Or fine-tune this model on answers that use their passages: %1 rows in the "
                                       "examples pool; at least %2, ideally %3 or more."),
                               count(n["pool"]), count(n["minimum"]), count(n["suggested"])),
                self.tr("Or fine-tune this model on answers that use their passages.")),
            "monitor_production": (None, self.tr("Monitor answers in production and add new failures to the evaluation "
                                           "set.")),
            "regression_set": (None, self.tr("Keep this evaluation set as a regression test.")),
            "rerun_on_model_change": (None, self.tr("Run it again whenever the model, prompt or documents change.")),
            "cheaper_variant": (
                lambda n: fill(self.tr("Consider the cheaper variant: it passes %1 at %2 tokens per request instead of "
                                 "%3."), pct(n["pass_rate"]), count(n["tokens_per_request"]),
                               count(n["reference_tokens_per_request"])),
                self.tr("Consider a cheaper variant that also meets the target.")),
        }

    def checklist_ids(self) -> tuple[str, ...]:
        return tuple(self._checklist_table())

    def checklist(self, item: dict | str) -> str:
        """A checklist item ({id, costly, done, numbers} or a bare id) as a sentence."""
        if isinstance(item, str):
            item = {"id": item}
        cid = str(item.get("id", "?"))
        numbers = item.get("numbers") or {}
        with_numbers, plain = self._checklist_table().get(cid, (None, ""))
        if with_numbers is not None and isinstance(numbers, dict) and numbers:
            try:
                return with_numbers(numbers)
            except (KeyError, TypeError, ValueError):
                pass
        return plain or self.fallback(cid.replace("_", " ").capitalize(), numbers)
