"""The grid (一村一警): posts, villages, officers and staff; their pages, contact cards (vCards) and printables."""
