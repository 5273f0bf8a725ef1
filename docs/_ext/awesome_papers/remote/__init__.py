"""What the list asks of the network: paper metadata, published versions, link health.

Every request has a 10-second timeout; a service that cannot be reached is one clear
:class:`~.http.ServiceError`, never a traceback. Base URLs come from the environment, so that
tests replay recorded answers from a local server and never touch the internet.
"""
