"""The place pages: home, post, village and officer, each showing the blocks other kinds offer, and the 404 page."""
