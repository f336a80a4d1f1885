"""The analyst's explorer (`dipkg serve`): a local web application over the graph.

``api`` answers the page's JSON requests by running templates from ``queries/`` with parameters (no
query text from a client ever reaches the store); ``app`` serves the page, its vendored JavaScript and
the API over the standard library's threading HTTP server, on loopback unless told otherwise.
"""
