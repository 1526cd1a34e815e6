# No Flask import: run(debug=True) belongs to some other tool.
import invoke

# ok: python-flask-debug-run
invoke.run("make test", debug=True)
