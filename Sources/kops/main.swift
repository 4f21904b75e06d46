print("kops")
