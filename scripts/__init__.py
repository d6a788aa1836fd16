"""The edition's compiler: seed + edition data -> validated model -> a Markdown docs tree -> HTML.

The folders are the roles, in the order data flows through them:

- ``model`` and ``problems``: the frozen records every stage reads (``Edition`` among them)
  and the ``path:line: problem; fix`` report;
- ``ingest``: load -> validate (against ``schema``) -> correct -> segment -> anchor -> terms,
  run in that order by ``ingest.pipeline.build_edition``;
- ``security``: the policy for contributed text (the sanitizer's allow-list);
- ``render``: one module per page family (essay, notes, glossary, pages, meta) writing Markdown;
- ``exports``: one module per file format over the same model (W3C annotations, ...);
- ``site``: the compiler that assembles the docs tree, the engine adapters (MkDocs, Zensical),
  the address registry and the checks of a built site;
- ``commands``: the command line (``python -m scripts``), one adapter over all of the above.

Words with one meaning each: *compile* is seed + data -> docs tree; *build* is compile and
render with an engine into ``site/``; a *citation* is ``[@key]`` in a note or a term (a
"Cite this" block is the edition's own reference); *terms* links glossary terms in the text.
"""
