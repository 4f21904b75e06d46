print("kapso-sim")
