# Sphinx configuration of the pmipv6 module documentation (standalone build).
# In an ns-3 tree, pmipv6.rst is included by ns-3's model library the usual way.
project = "pmipv6"
author = "pmipv6 developers"
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ext"))
# pmipv6_doccheck: shifted table rows and paths outside the repository are errors under -W
extensions = ["pmipv6_doccheck"]
master_doc = "index"
exclude_patterns = ["_build", "_ext", "notes", "replace.txt"]
html_theme = "alabaster"
highlight_language = "cpp"
