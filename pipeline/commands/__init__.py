"""One module per ``unionnews`` subcommand (see ``pipeline.cli``)."""
