"""The warm service: one long-lived process that keeps the checks compiled and
Harper loaded, and runs whole ``check`` requests for CLI clients.

``protocol`` (the versioned messages both sides share), ``daemon`` (the
process), ``place`` (where it lives: cache folder, socket name, one
connection), ``client`` (``WorkerBackend``: Harper through the service,
started on demand), ``forward`` (a whole ``check`` run sent to it),
``manage`` and ``commands`` (``followup-lint worker status|stop``).
"""
