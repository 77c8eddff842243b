"""Scale-out engines for a batch. Only ``thucydides.batch.ray_engine`` imports Ray (an optional extra)."""
