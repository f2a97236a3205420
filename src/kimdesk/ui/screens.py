"""Which screens a role's workspace shows, in tab order (Ctrl+1 … Ctrl+n)."""

from __future__ import annotations

from .screen import Screen


def screens_for(role: str) -> list[type[Screen]]:
    from .cases.screen import CasesScreen
    from .consultations.screen import ConsultationsScreen
    from .due import DueScreen
    from .groups import GroupOffersScreen
    from .needs import NeedsScreen
    from .statistics import StatisticsScreen
    from .transfer import TransferScreen

    if role == "office":
        from .office.conflicts import ConflictsScreen
        from .office.devices import DevicesScreen
        from .office.imports import ImportScreen
        from .office.profile import ProfileScreen

        return [
            ImportScreen,
            DevicesScreen,
            ConflictsScreen,
            StatisticsScreen,
            NeedsScreen,
            ProfileScreen,
        ]
    return [
        ConsultationsScreen,
        CasesScreen,
        GroupOffersScreen,
        NeedsScreen,
        StatisticsScreen,
        TransferScreen,
        DueScreen,
    ]
