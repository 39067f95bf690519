"""安全提示 (/notices/): safety notices, current and archived, their printables, `cunjing new notice`."""
