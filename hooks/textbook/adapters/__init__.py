"""The only modules that reach into other projects' internals, one each: MkDocs (mkdocs.py),
Material (material.py), static-i18n (i18n.py). tests/test_adapters.py checks what they use."""
