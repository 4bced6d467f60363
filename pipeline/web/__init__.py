"""The web page of the meeting archive (``unionnews serve``): search, results, meeting pages."""
