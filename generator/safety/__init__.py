"""平安建设 (/safety/): 平安村寨 status, volunteer patrol teams, people's mediators and the 六位一体 roster of each village."""
