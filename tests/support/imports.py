"""What a Python file imports, read from its source without running it."""

import ast


def imported_modules(path):
    """Every module a Python file imports, at any depth of its code: an absolute import by
    its full name (`from a import b` names a and a.b), a relative one as written (".models")."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            names.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names
