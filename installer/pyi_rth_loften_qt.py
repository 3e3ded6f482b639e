"""Runtime hook of the bundle, in place of PyInstaller's PySide6 hook (installer/loften.spec).

PyInstaller's own hook imports PySide6.QtCore in every process to register Qt's qt.conf: about
0.15 s for each command-line call, which never uses Qt. This hook sets up the same environment
and registers qt.conf only when PySide6.QtCore is first imported (by the window).
"""


def _pyi_rthook() -> None:
    import importlib.abc
    import importlib.util
    import os
    import sys
    from types import ModuleType

    base = sys._MEIPASS  # type: ignore[attr-defined]
    windows = sys.platform.startswith("win")
    qt_dir = os.path.join(base, "PySide6") if windows else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_dir, "qml")
    if windows:  # QtNetwork finds the OpenSSL DLLs collected beside the program
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")

    class QtConfAfterQtCore(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                return spec
            exec_module = spec.loader.exec_module

            def exec_and_register(module: ModuleType) -> None:
                exec_module(module)
                from _pyi_rth_utils import qt

                qt.create_embedded_qt_conf("PySide6", qt_dir)

            spec.loader.exec_module = exec_and_register  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, QtConfAfterQtCore())


_pyi_rthook()
del _pyi_rthook
