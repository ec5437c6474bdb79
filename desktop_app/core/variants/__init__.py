"""Variants: what is compared. A ``Variant`` (techniques, prompt template, model, parameters),
the presets, the prompt it builds for a row, where it sits on the technique grid, and what a
run made with it is called on screen (``labels``)."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        **{
            name: "variant"
            for name in (
                "Variant",
                "PRESETS",
                "preset",
                "build_messages",
                "answer_part",
                "load_variants",
                "save_variants",
                "load_selection",
                "resolve_variants",
                "grounding_steps",
            )
        },
        "run_label": "labels",
    },
)
