# Sphinx configuration of the pmipv6 module documentation (standalone build).
# In an ns-3 tree, pmipv6.rst is included by ns-3's model library the usual way.
project = "pmipv6"
author = "pmipv6 developers"
extensions = []
master_doc = "index"
exclude_patterns = ["_build", "notes", "replace.txt"]
html_theme = "alabaster"
highlight_language = "cpp"
