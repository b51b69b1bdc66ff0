from commands import app

app(prog_name="audience")
