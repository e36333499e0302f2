"""deploy/portal.env.example, the environment file docs/deploy.md installs, names every
variable production reads and every one README's configuration table lists."""

import re

from tests.support.settings import ROOT

READS = re.compile(r"""(?:os\.environ(?:\.get)?[\[(]|required\()"([A-Z][A-Z0-9_]*)\"""")


def example_variables():
    text = (ROOT / "deploy" / "portal.env.example").read_text()
    return set(re.findall(r"^#?([A-Z][A-Z0-9_]*)=", text, re.M))


def test_every_variable_production_reads_is_in_the_example():
    sources = [
        ROOT / "portal" / "settings" / "base.py",
        ROOT / "portal" / "settings" / "production.py",
        ROOT / "deploy" / "gunicorn.conf.py",
    ]
    read = set().union(*(READS.findall(path.read_text()) for path in sources))
    assert len(read) > 30  # the pattern still finds them
    assert read - example_variables() == set()


def test_every_variable_in_the_readme_table_is_in_the_example():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("| variable | required | meaning |") :].split("\n\n")[0]
    first_cells = [line.split("|")[1] for line in table.splitlines()[2:]]
    listed = set(re.findall(r"`([A-Z][A-Z0-9_]*)`", " ".join(first_cells)))
    assert len(listed) > 20
    assert listed - example_variables() == set()


def test_values_carry_no_comment():
    # systemd would make "5  # workers" the value.
    text = (ROOT / "deploy" / "portal.env.example").read_text()
    assert not re.findall(r"^#?[A-Z][A-Z0-9_]*=[^\n]*[ \t]#", text, re.M)
