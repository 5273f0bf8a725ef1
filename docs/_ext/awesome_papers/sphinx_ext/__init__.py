"""The Sphinx site: ``setup()``, nodes, directives, roles, the domain and the generated pages."""
