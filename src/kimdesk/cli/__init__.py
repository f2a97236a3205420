"""The command line (argparse) over the services. No Qt."""
