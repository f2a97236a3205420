"""Statistics (docs/statistics.md): aggregations in SQL, report model, workbook and charts."""
