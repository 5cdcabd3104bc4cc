"""The static HTML report: overview matrix, concept, backend, conventions, errata pages."""
