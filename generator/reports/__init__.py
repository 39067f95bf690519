"""工作报告 (/reports/): work reports, their filter pages and printables, `cunjing new report`."""
