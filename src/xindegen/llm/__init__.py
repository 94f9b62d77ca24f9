"""The optional LLM writer: a language model writes the prose of xindegen's plan, and xindegen
checks every answer before it enters the draft.

- :mod:`.config`: where the endpoint comes from (presets, ``llm.yaml``, ``XINDEGEN_LLM_*``);
- :mod:`.client`: OpenAI-compatible chat completions over httpx (the ``llm`` extra), with bounded
  retries and one-line Chinese messages for every fault;
- :mod:`.prompt`: what the model is told for each part of the plan;
- :mod:`.verify`: the checks an answer must pass (quotations, titles, dates, figures, headings,
  repetition, length);
- :mod:`.writer`: part by part, ask, check, ask again naming the faults, or keep the offline text.

The entry point is :func:`xindegen.compose.draft.write_draft` with ``writer="llm"``.
"""
