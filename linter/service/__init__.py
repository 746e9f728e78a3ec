"""The warm service: one long-lived process that keeps the checks compiled and
Harper loaded, and runs whole ``check`` requests for CLI clients.

``protocol`` (the versioned messages both sides share), ``daemon`` (the
process), ``client`` (connect, start on demand, forward a run; and
``WorkerBackend``, Harper through the service), ``commands``
(``followup-lint worker status|stop``).
"""
