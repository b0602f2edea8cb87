"""The search index behind one small interface (`search.interface.SearchBackend`)."""
