"""Pure domain model of KIMdesk: entities, codes, catalogs and validation. No I/O, no Qt."""
