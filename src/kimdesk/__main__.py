from kimdesk.launcher import run

run()
