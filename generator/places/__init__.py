"""The pages that gather every kind: home, post, village and officer pages."""
