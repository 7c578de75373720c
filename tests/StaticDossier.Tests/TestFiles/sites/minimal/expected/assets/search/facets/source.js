dossierSearchLoaded("facets/source",{"values":["Báo Ví Dụ","Example News"],"sets":["dC","dA"]});
