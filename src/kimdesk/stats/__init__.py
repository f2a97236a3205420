"""Statistics of DESIGN §7: aggregations in SQL, report model, workbook and charts."""
