"""Site: ``compile`` assembles the docs tree, ``engines`` has MkDocs or Zensical render it,
``addresses`` keeps every published address resolving, ``built_site`` reads the result."""
