"""派出所: each station's strength (data/stations.yml), for the 数据公开 figures."""
