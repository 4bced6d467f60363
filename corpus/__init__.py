"""Sample data written for unionnews: plain-text articles, a sample web site and their hand-checked records.

It is a package only so that it ships with the code: ``pip install`` puts these files beside the modules,
and :func:`pipeline.bundled.corpus_dir` finds them the same way in a checkout and in an installed copy.
See README.md in this folder for what each file is.
"""
