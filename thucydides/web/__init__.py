"""The web interface: a REST API and HTML pages over the store (``thucydides serve``)."""
