dossierSearchLoaded("facets/person",{"values":["Phạm Bình Minh","Sergey Lavrov"],"sets":["dC","bBQ"]});
