"""Paper records: the model, their schemas, loading, validation and the read cache. No Sphinx import."""
