dossierSearchLoaded("facets/tag",{"values":["Diplomacy","Phone talks"],"sets":["dA","bBQ"]});
